from __future__ import annotations

import ipaddress

import pytest

from processing.errors import PermanentError
from processing.fetcher import BlockedAddressError, Fetcher, FetcherConfig
from processing.fetcher.guard import blocked_reason


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:127.0.0.1]/",
        "https://127.0.0.1/",
    ],
)
def test_non_global_addresses_refused_before_connecting(url):
    fetcher = Fetcher(FetcherConfig(retries=0, connect_timeout=0.5))
    with pytest.raises(BlockedAddressError) as info:
        fetcher.get(url)
    assert isinstance(info.value, PermanentError)
    message = str(info.value)
    assert message.startswith(f"refused to fetch {url}")
    assert "SCRAPERSKY_FETCHER['ALLOWED_NETWORKS']" in message


def test_message_names_the_kind_of_address():
    fetcher = Fetcher(FetcherConfig())
    with pytest.raises(BlockedAddressError) as info:
        fetcher.get("http://10.0.0.5/")
    assert str(info.value) == (
        "refused to fetch http://10.0.0.5/: 10.0.0.5 is a private address "
        "(allow it with SCRAPERSKY_FETCHER['ALLOWED_NETWORKS'])"
    )


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "93.184.215.14"],
)
def test_global_addresses_pass(address):
    assert blocked_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "address",
    ["64:ff9b::a00:1", "2002:a00:1::", "::", "ff02::1", "127.8.9.10", "192.0.0.1", "198.18.0.1"],
)
def test_embedded_and_special_addresses_blocked(address):
    assert blocked_reason(ipaddress.ip_address(address)) is not None


def test_loopback_refused_by_default(server):
    server.respond("/", 200, b"secret")
    fetcher = Fetcher(FetcherConfig(retries=0))
    with pytest.raises(BlockedAddressError, match="loopback"):
        fetcher.get(server.url("/"))
    assert server.requests == []


def test_hostname_resolving_to_loopback_refused(server):
    server.respond("/", 200, b"secret")
    fetcher = Fetcher(FetcherConfig(retries=0))
    with pytest.raises(BlockedAddressError, match=r"localhost resolves to"):
        fetcher.get(f"http://localhost:{server.port}/")
    assert server.requests == []


def test_loopback_allowed_with_allowed_networks(server):
    server.respond("/", 200, b"ok")
    fetcher = Fetcher(FetcherConfig(allowed_networks=("127.0.0.1/32",)))
    assert fetcher.get(server.url("/")).content == b"ok"


def test_redirect_hop_to_disallowed_address_refused(server):
    server.redirect("/go", f"http://127.0.0.2:{server.port}/admin")
    server.redirect("/meta", "http://169.254.169.254/latest/meta-data/")
    fetcher = Fetcher(FetcherConfig(allowed_networks=("127.0.0.1/32",), retries=0))
    with pytest.raises(BlockedAddressError, match=r"refused to fetch http://127\.0\.0\.2:"):
        fetcher.get(server.url("/go"))
    with pytest.raises(BlockedAddressError, match="169.254.169.254 is a link-local address"):
        fetcher.get(server.url("/meta"))
    assert server.hits("/go") == 1
    assert server.hits("/admin") == 0


def test_redirect_to_bad_scheme_refused(server):
    from processing.fetcher import InvalidURLError

    server.redirect("/go", "file:///etc/passwd")
    fetcher = Fetcher(FetcherConfig(allowed_networks=("127.0.0.1/32",)))
    with pytest.raises(InvalidURLError, match="scheme 'file' is not allowed"):
        fetcher.get(server.url("/go"))


def test_a_host_that_does_not_exist_is_a_permanent_error():
    from processing.errors import PermanentError
    from processing.fetcher import Fetcher, FetcherConfig, HostNotFoundError

    fetcher = Fetcher(FetcherConfig(retries=2))
    with pytest.raises(HostNotFoundError, match="does not exist") as info:
        fetcher.get("http://no-such-host.invalid/")
    assert isinstance(info.value, PermanentError)
    fetcher.close()
