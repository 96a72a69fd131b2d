"""manage.py import_sitemap_files: import sitemap files from a CSV file."""

from curation.intake.command import ImportCommand


class Command(ImportCommand):
    kind = "sitemap_files"
    help = (
        "Import sitemap files from a CSV file (a header naming the column, or one value per line): "
        "values are normalised and de-duplicated, every row is reported (created, duplicate, "
        "invalid with the reason), and --queue queues what was created."
    )
