"""Each rule of the naming contract, broken in turn, fires its own system check."""

from __future__ import annotations

import dataclasses

import pytest
from django.db import connection, models

from curation.models import Domain
from curation.models import domains as domains_module
from ops import conventions
from scrapersky import workflows
from scrapersky.workflows import Workflow, get_workflow


def ids(messages) -> list[str]:
    return [m.id for m in messages]


def discovery(**changes) -> Workflow:
    return dataclasses.replace(get_workflow("sitemap_discovery"), **changes)


def test_the_declared_workflows_follow_every_rule():
    assert conventions.check_workflows() == []


def test_name_not_snake_case():
    assert ids(conventions.check_workflow(discovery(name="SitemapDiscovery"))) == ["workflows.E101"]


def test_unknown_source_model():
    assert ids(conventions.check_workflow(discovery(source_model="curation.Nothing"))) == [
        "workflows.E102"
    ]


def test_unknown_destination_model():
    assert "workflows.E102" in ids(
        conventions.check_workflow(discovery(destination_model="curation.Nothing"))
    )


def test_missing_enum_classes_and_columns():
    messages = conventions.check_workflow(
        discovery(name="ghost_flow", service_module="processing.services.sitemap_discovery")
    )
    assert "workflows.E103" in ids(messages)
    assert "workflows.E105" in ids(messages)
    assert any("GhostFlowCurationStatus" in m.msg for m in messages)


def test_enum_with_a_non_standard_value(monkeypatch):
    class SitemapDiscoveryProcessingStatus(models.TextChoices):
        Queued = "Queued"
        Processing = "Processing"
        Completed = "Completed"  # the old system's drift: Completed vs Complete
        Error = "Error"

    monkeypatch.setattr(
        domains_module, "SitemapDiscoveryProcessingStatus", SitemapDiscoveryProcessingStatus
    )
    messages = conventions.check_workflow(discovery())
    assert ids(messages) == ["workflows.E104"]
    assert "Completed" in messages[0].msg


def test_column_mapped_to_another_enum_type(monkeypatch):
    field = Domain._meta.get_field("sitemap_discovery_curation_status")
    monkeypatch.setattr(field, "enum_type", "sitemap_discovery_curation_status_enum")
    messages = conventions.check_workflow(discovery())
    assert ids(messages) == ["workflows.E106"]


def test_missing_service_module():
    messages = conventions.check_workflow(discovery(service_module="processing.services.nope"))
    assert ids(messages) == ["workflows.E107"]


def test_missing_service_function(monkeypatch):
    from processing.services import sitemap_discovery

    monkeypatch.delattr(sitemap_discovery, "process_single_domain_for_sitemap_discovery")
    assert ids(conventions.check_workflow(discovery())) == ["workflows.E107"]


def test_service_with_the_wrong_signature(monkeypatch):
    from processing.services import sitemap_discovery

    def process_single_domain_for_sitemap_discovery(domain, session):
        return None

    monkeypatch.setattr(
        sitemap_discovery,
        "process_single_domain_for_sitemap_discovery",
        process_single_domain_for_sitemap_discovery,
    )
    assert ids(conventions.check_workflow(discovery())) == ["workflows.E108"]


def test_missing_consumer_task(monkeypatch):
    from processing import tasks

    monkeypatch.delattr(tasks, "process_sitemap_discovery_queue")
    assert ids(conventions.check_workflow(discovery())) == ["workflows.E109"]


def test_workflow_declared_twice(monkeypatch):
    monkeypatch.setattr(workflows, "WORKFLOWS", [*workflows.WORKFLOWS, discovery()])
    assert "workflows.E110" in ids(conventions.check_workflows())


@pytest.mark.django_db
def test_database_enum_type_missing_or_different():
    from processing.engine.schedules import sync_schedules

    sync_schedules()
    assert conventions.check_workflow_database(databases=["default"]) == []
    with connection.cursor() as cursor:
        cursor.execute("ALTER TYPE pagecurationprocessingstatus RENAME TO pagecurationprocstatus")
        cursor.execute("ALTER TYPE sitemapimportcurationstatus ADD VALUE 'Archived'")
    messages = conventions.check_workflow_database(databases=["default"])
    assert sorted(ids(messages)) == ["workflows.E111", "workflows.E112"]


@pytest.mark.django_db
def test_schedules_not_synced():
    from django_q.models import Schedule

    from processing.engine.schedules import sync_schedules

    messages = conventions.check_workflow_database(databases=["default"])
    assert ids(messages) and set(ids(messages)) == {"workflows.W113"}
    assert any("missing" in m.msg for m in messages)
    sync_schedules()
    assert conventions.check_workflow_database(databases=["default"]) == []
    Schedule.objects.filter(name="scrapersky:process_page_curation_queue").update(minutes=30)
    [message] = conventions.check_workflow_database(databases=["default"])
    assert "out of date" in message.msg
