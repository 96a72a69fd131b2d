"""Workflow bulk actions: derived from the registry, one service call, permissions enforced."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.urls import reverse

from curation import services
from curation.models import (
    Business,
    Channel,
    Contact,
    Domain,
    LeadRetraction,
    Page,
    PlaceSearch,
    SitemapFile,
    StatusChange,
)
from scrapersky.workflows import all_workflows, get_workflow
from tests.factories import (
    BusinessFactory,
    ContactFactory,
    DomainFactory,
    LeadRetractionFactory,
    PageFactory,
    PlaceSearchFactory,
    SitemapFileFactory,
    UserFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),  # see test_admin_changelists
]

FACTORIES = {
    Domain: DomainFactory,
    SitemapFile: SitemapFileFactory,
    Page: PageFactory,
    Contact: ContactFactory,
    PlaceSearch: PlaceSearchFactory,
    Business: BusinessFactory,
    LeadRetraction: LeadRetractionFactory,
}
WORKFLOWS = [w.name for w in all_workflows()]


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SCRAPERSKY_KICK_ON_QUEUE = False


@pytest.fixture
def service_calls(monkeypatch):
    """Records every call into the curation service, then lets it run."""
    calls = []
    real = services.set_curation_status

    def spy(**kwargs):
        # The selection as it was when the service was called: the update changes what matches.
        selected = set(kwargs["queryset"].values_list("pk", flat=True))
        calls.append({**kwargs, "selected_pks": selected})
        return real(**kwargs)

    monkeypatch.setattr(services, "set_curation_status", spy)
    return calls


def login(client, *perms, superuser=False):
    user = UserFactory(perms=list(perms), is_superuser=superuser)
    user.save()  # the factory saves the password only when it adds perms
    client.force_login(user)
    return user


def changelist(model):
    return reverse(f"admin:curation_{model._meta.model_name}_changelist")


def make_rows(model, count, **values):
    return [FACTORIES[model](**values) for _ in range(count)]


def run_action(client, model, action, selected, *, select_across=False, query=""):
    data = {"action": action, "index": 0, "_selected_action": [r.pk for r in selected]}
    if select_across:
        data["select_across"] = 1
    return client.post(changelist(model) + query, data, follow=True)


def messages_of(response):
    return [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]


def statuses(workflow, rows):
    model = workflow.model
    return dict(
        model.objects.filter(pk__in=[r.pk for r in rows]).values_list(
            "pk", workflow.names.curation_field
        )
    ), dict(
        model.objects.filter(pk__in=[r.pk for r in rows]).values_list(
            "pk", workflow.names.processing_field
        )
    )


def test_every_workflow_has_its_four_actions():
    for workflow in all_workflows():
        model_admin = admin.site._registry[workflow.model]
        names = {getattr(a, "__name__", a) for a in model_admin.actions}
        for slug in ("queue", "skip", "reset", "retry"):
            assert f"{workflow.name}_{slug}" in names
        queue = next(
            a for a in model_admin.actions if getattr(a, "__name__", a) == f"{workflow.name}_queue"
        )
        assert queue.allowed_permissions == ["change"]
        assert queue.short_description == f"Queue for {workflow.name.replace('_', ' ')}"


def test_pipeline_tables_have_no_bulk_delete(client):
    login(client, superuser=True)
    for model in (Domain, SitemapFile, Page):  # contacts keep bulk delete (see their admin)
        make_rows(model, 1)
        actions = client.get(changelist(model)).context["action_form"].fields["action"].choices
        assert "delete_selected" not in dict(actions), model


@pytest.mark.parametrize("name", WORKFLOWS)
def test_queue_select_all_across_pages_is_one_service_call(
    client, monkeypatch, service_calls, name
):
    workflow = get_workflow(name)
    model = workflow.model
    monkeypatch.setattr(admin.site._registry[model], "list_per_page", 2)
    user = login(
        client,
        f"curation.change_{model._meta.model_name}",
        f"curation.view_{model._meta.model_name}",
    )
    rows = make_rows(model, 5)
    ignored = make_rows(model, 1, **{workflow.names.curation_field: "Skipped"})
    query = f"?{workflow.names.curation_field}__exact=New"

    response = run_action(client, model, f"{name}_queue", rows[:1], select_across=True, query=query)

    assert response.status_code == 200
    assert len(service_calls) == 1
    call = service_calls[0]
    assert call["workflow"] == name
    assert call["status"] == "Queued"
    assert call["channel"] == Channel.ADMIN
    assert call["actor"] == user
    assert call["selected_pks"] == {r.pk for r in rows}
    curation, processing = statuses(workflow, rows)
    assert set(curation.values()) == {"Queued"}
    assert set(processing.values()) == {"Queued"}
    assert statuses(workflow, ignored)[0] == {ignored[0].pk: "Skipped"}
    plural = model._meta.verbose_name_plural
    assert messages_of(response) == [
        ("success", f"Queued 5 {plural} for {name.replace('_', ' ')}.")
    ]
    audit = StatusChange.objects.get()
    assert (audit.channel, audit.actor, audit.user_id) == ("admin", user.username, user.pk)
    assert (audit.workflow, audit.to_status, audit.updated) == (name, "Queued", 5)
    assert sorted(audit.row_ids) == sorted(r.pk for r in rows)


@pytest.mark.parametrize("name", WORKFLOWS)
def test_selected_rows_only_without_select_all(client, service_calls, name):
    workflow = get_workflow(name)
    model = workflow.model
    login(client, superuser=True)
    rows = make_rows(model, 3)

    response = run_action(client, model, f"{name}_skip", rows[:2])

    curation, processing = statuses(workflow, rows)
    assert curation == {rows[0].pk: "Skipped", rows[1].pk: "Skipped", rows[2].pk: "New"}
    assert set(processing.values()) == {None}  # skipping does not touch the engine's column
    assert messages_of(response) == [
        ("success", f"Skipped 2 {model._meta.verbose_name_plural} for {name.replace('_', ' ')}.")
    ]


@pytest.mark.parametrize("name", WORKFLOWS)
def test_reset_to_new(client, name):
    workflow = get_workflow(name)
    model = workflow.model
    login(client, superuser=True)
    rows = make_rows(model, 2, **{workflow.names.curation_field: "Skipped"})

    run_action(client, model, f"{name}_reset", rows, select_across=True)

    assert set(statuses(workflow, rows)[0].values()) == {"New"}


@pytest.mark.parametrize("name", WORKFLOWS)
def test_retry_errored_touches_only_rows_whose_processing_failed(client, service_calls, name):
    workflow = get_workflow(name)
    model = workflow.model
    login(client, superuser=True)
    errored = make_rows(
        model,
        2,
        **{
            workflow.names.curation_field: "Error",
            workflow.names.processing_field: "Error",
            workflow.names.error_field: "HTTP 503",
        },
    )
    done = make_rows(
        model,
        1,
        **{workflow.names.curation_field: "Complete", workflow.names.processing_field: "Complete"},
    )

    response = run_action(client, model, f"{name}_retry", done, select_across=True)

    assert len(service_calls) == 1
    assert service_calls[0]["selected_pks"] == {r.pk for r in errored}
    curation, processing = statuses(workflow, errored + done)
    assert curation == {errored[0].pk: "Queued", errored[1].pk: "Queued", done[0].pk: "Complete"}
    assert processing == {errored[0].pk: "Queued", errored[1].pk: "Queued", done[0].pk: "Complete"}
    assert model.objects.filter(**{f"{workflow.names.error_field}__isnull": False}).count() == 0
    assert messages_of(response)[0][1].startswith("Queued 2 ")


def test_rows_held_by_a_worker_are_reported_as_skipped(client):
    login(client, superuser=True)
    held = PageFactory(
        page_curation_curation_status="Queued", page_curation_processing_status="Processing"
    )
    free = PageFactory()

    response = run_action(client, Page, "page_curation_skip", [held, free])

    assert messages_of(response) == [
        ("success", "Skipped 1 page for page curation; 1 left unchanged (being processed).")
    ]


def test_nothing_to_do_is_a_warning(client):
    login(client, superuser=True)
    rows = make_rows(Page, 2)

    response = run_action(client, Page, "page_curation_retry", rows)

    assert messages_of(response) == [("warning", "No pages queued for page curation.")]


def test_a_refused_change_is_an_error_message(client, monkeypatch):
    login(client, superuser=True)
    rows = make_rows(Page, 1)

    def refuse(**kwargs):
        raise services.CurationError("workflow page_curation is on hold")

    monkeypatch.setattr(services, "set_curation_status", refuse)
    response = run_action(client, Page, "page_curation_queue", rows)

    assert messages_of(response) == [("error", "workflow page_curation is on hold")]
    assert statuses(get_workflow("page_curation"), rows)[0] == {rows[0].pk: "New"}


@pytest.mark.parametrize("name", WORKFLOWS)
def test_view_only_user_has_no_actions_and_cannot_run_them(client, service_calls, name):
    workflow = get_workflow(name)
    model = workflow.model
    login(client, f"curation.view_{model._meta.model_name}")
    rows = make_rows(model, 2)

    page = client.get(changelist(model))
    assert page.status_code == 200
    form = page.context["action_form"]
    # No workflow action the user may run (contacts and businesses keep their view-only exports).
    allowed = set() if form is None else set(dict(form.fields["action"].choices)) - {""}
    exports = {Contact: {"export_csv", "export_xlsx"}, Business: {"export_businesses_csv"}}
    assert allowed == exports.get(model, set())
    assert f"{name}_queue" not in page.content.decode()

    response = run_action(client, model, f"{name}_queue", rows, select_across=True)

    assert response.status_code in (200, 403)
    assert service_calls == []
    assert set(statuses(workflow, rows)[0].values()) == {"New"}
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("name", WORKFLOWS)
def test_change_permission_is_what_the_actions_need(client, name):
    workflow = get_workflow(name)
    model = workflow.model
    login(client, f"curation.change_{model._meta.model_name}")
    rows = make_rows(model, 1)

    choices = dict(client.get(changelist(model)).context["action_form"].fields["action"].choices)
    assert {f"{name}_{slug}" for slug in ("queue", "skip", "reset", "retry")} <= set(choices)

    run_action(client, model, f"{name}_queue", rows)
    assert statuses(workflow, rows)[0] == {rows[0].pk: "Queued"}


def test_a_bulk_action_is_one_entry_in_recent_actions(client):
    from django.contrib.admin.models import LogEntry

    user = login(client, superuser=True)
    rows = make_rows(Domain, 3)
    run_action(client, Domain, "sitemap_discovery_queue", rows, select_across=True)
    entry = LogEntry.objects.get()
    audit = StatusChange.objects.get()
    assert (entry.user_id, entry.object_id) == (user.pk, str(audit.pk))
    assert entry.object_repr == "Queued 3 domains for sitemap discovery."
    index = client.get("/admin/").content.decode()
    assert "Queued 3 domains for sitemap discovery." in index
    assert reverse("admin:curation_statuschange_change", args=[audit.pk]) in index


def test_row_buttons_post_through_the_service_and_need_change_permission(client):
    domain = DomainFactory()
    url = reverse(
        "admin:curation_domain_row_status", args=[domain.pk, "sitemap_discovery", "queue"]
    )
    login(client, "curation.view_domain")
    assert client.post(url).status_code == 403
    page = client.get(reverse("admin:curation_domain_change", args=[domain.pk])).content.decode()
    assert 'class="ss-row-button"' not in page
    login(client, superuser=True)
    assert client.get(url).status_code == 405
    assert client.post(url.replace("/queue/", "/bogus/")).status_code == 403
    response = client.post(url, follow=True)
    assert messages_of(response) == [("success", "Queued 1 domain for sitemap discovery.")]
    domain.refresh_from_db()
    assert domain.sitemap_discovery_processing_status == "Queued"
    assert StatusChange.objects.get().channel == "admin"
