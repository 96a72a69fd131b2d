"""App config of processing: the workflow engine, its tasks, the fetcher and the services."""

from django.apps import AppConfig


class ProcessingConfig(AppConfig):
    name = "processing"
    verbose_name = "Processing"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django_q.signals import post_spawn, pre_execute

        from curation.signals import rows_queued
        from processing import heartbeat, receivers
        from processing.engine import worker_loop

        # Every worker process tells the health check it is alive: at start and on every task.
        post_spawn.connect(heartbeat.on_spawn, dispatch_uid="scrapersky-heartbeat-spawn")
        pre_execute.connect(heartbeat.on_execute, dispatch_uid="scrapersky-heartbeat-execute")
        # ... and serves every workflow from the moment it exists (processing/engine/worker_loop).
        post_spawn.connect(worker_loop.start_in_worker, dispatch_uid="scrapersky-worker-loop")
        # Rows queued by the curation service wake the workers (NOTIFY: processing/engine/wake).
        rows_queued.connect(receivers.kick_on_queue, dispatch_uid="scrapersky-kick-on-queue")
