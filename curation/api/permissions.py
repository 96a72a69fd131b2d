"""ModelPermissions: Django model permissions for reading (view) and status changes (change)."""

from __future__ import annotations

from rest_framework.permissions import DjangoModelPermissions


class ModelPermissions(DjangoModelPermissions):
    """Reads need ``view_<model>``, status changes (PUT) ``change_<model>``; anonymous users none.

    DRF's DjangoModelPermissions lets any authenticated user read; curation data is not public
    inside the company either, so reads ask for the view permission.
    """

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }
