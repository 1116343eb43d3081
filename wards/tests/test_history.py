from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from wards.history import history_rows
from wards.models import Ward
from wards.tests.factories import UserFactory


def test_rows_say_who_changed_which_field(ward: Ward, django_assert_max_num_queries) -> None:
    editor = UserFactory(last_name="Trần Thị", first_name="Lan")
    with time_machine.travel(timezone.now() + timedelta(minutes=5)):
        ward._history_user = editor
        ward.population = 36_500
        ward.kind = "xã"
        ward.save()
    with django_assert_max_num_queries(1):
        rows = history_rows(ward.history.all())
    newest, created = rows
    assert created.action == "tạo mới"
    assert newest.action == "sửa"
    assert newest.who == editor
    changes = {c.field: (c.old, c.new) for c in newest.changes}
    assert changes == {"dân số": (36_296, 36_500), "loại đơn vị": ("phường", "xã")}
