"""The names a workflow derives (scrapersky.naming), as the seed's cheat sheet spells them."""

from __future__ import annotations

import pytest

from curation.models import Page
from ops.dbschema import expected_indexes
from scrapersky.naming import WorkflowNames, singular
from scrapersky.workflows import all_workflows, get_workflow


def test_the_cheat_sheets_names_for_page_curation():
    names = WorkflowNames("page_curation", table="pages")
    assert names.class_prefix == "PageCuration"
    assert names.curation_enum_name == "PageCurationCurationStatus"
    assert names.processing_enum_name == "PageCurationProcessingStatus"
    assert names.curation_db_type == "pagecurationcurationstatus"
    assert names.processing_db_type == "pagecurationprocessingstatus"
    assert names.curation_field == "page_curation_curation_status"
    assert names.processing_field == "page_curation_processing_status"
    assert names.error_field == "page_curation_processing_error"
    assert names.col("lease_expires_at") == "page_curation_lease_expires_at"
    assert names.task_name == "process_page_curation_queue"
    assert names.task_path == "processing.tasks.process_page_curation_queue"
    assert names.service_module == "processing.services.page_curation"
    assert names.service_function_name == "process_single_page_for_page_curation"
    assert names.source_singular == "page" and names.source_plural == "pages"
    assert names.status_route == "/api/v3/pages/status"
    assert names.index_name("queue") == "pages_page_curation_queue_idx"
    assert names.columns_class_name == "PageCurationColumns"
    assert names.action_name("retry") == "page_curation_retry"
    assert names.verbose_name == "page curation"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("pages", "page"),
        ("sitemap_files", "sitemap_file"),
        ("entries", "entry"),
        ("data", "data"),
        ("place_searches", "place_search"),
        ("businesses", "business"),
        ("boxes", "box"),
        ("branches", "branch"),
        ("wishes", "wish"),
        ("cases", "case"),
        ("houses", "house"),
        ("responses", "response"),
    ],
)
def test_singular(table, expected):
    assert singular(table) == expected


def test_unknown_suffixes_are_refused():
    names = WorkflowNames("page_curation", table="pages")
    with pytest.raises(KeyError):
        names.col("queued")
    with pytest.raises(KeyError):
        names.index_name("status")


def test_the_table_names_need_the_table():
    names = WorkflowNames("page_curation")
    assert names.curation_field == "page_curation_curation_status"  # the name is enough
    with pytest.raises(ValueError, match="source table"):
        _ = names.service_function_name


def test_the_registry_reads_the_same_names():
    workflow = get_workflow("page_curation")
    assert workflow.names == WorkflowNames("page_curation", table=Page._meta.db_table)
    assert workflow.names.processing_field == workflow.names.processing_field
    assert workflow.service_path == "processing.services.page_curation." + (
        "process_single_page_for_page_curation"
    )


def test_the_models_columns_are_the_derived_names():
    for workflow in all_workflows():
        fields = {f.name for f in workflow.model._meta.concrete_fields}
        assert set(workflow.names.all_columns) <= fields
        field = workflow.model._meta.get_field(workflow.names.curation_field)
        assert field.enum_type == workflow.names.curation_db_type


def test_the_schema_check_expects_every_workflow_index():
    indexes = expected_indexes()
    for workflow in all_workflows():
        for name in workflow.names.index_names:
            assert indexes[name] == workflow.table
