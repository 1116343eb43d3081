from __future__ import annotations

import pytest
from django.urls import reverse

from wards.tests.permissions import assert_permission_matrix, client_for

pytestmark = pytest.mark.django_db

FACTS = {
    "vice_chairs": 2,
    "buddhist_sites": 18,
    "village_pagodas": 7,
    "buddhist_halls": 11,
    "buddhist_halls_recognised": 5,
    "catholic_sites": 1,
    "relics_national": 2,
    "relics_city": 6,
    "information_systems": "hệ thống họp trực tuyến (login.vnptmeeting.vnpt.com.vn)\n\nbáo cáo (baocao.hue.gov.vn)",
}


def url(ward) -> str:
    return reverse("ward_facts", kwargs={"ward": ward.slug})


def test_read_matrix(ward, staff, leader, home_affairs, other_staff) -> None:
    assert_permission_matrix(url(ward), allowed=[staff, leader, home_affairs], outsider=other_staff)


def test_write_matrix(ward, staff, leader, home_affairs, other_staff) -> None:
    assert_permission_matrix(
        url(ward), allowed=[staff, leader], forbidden=[home_affairs], outsider=other_staff, method="post"
    )


def test_staff_save_the_facts(ward, staff) -> None:
    response = client_for(staff).post(url(ward), FACTS)
    assert response.status_code == 302
    ward.refresh_from_db()
    assert (ward.vice_chairs, ward.relics, ward.buddhist_halls_recognised) == (2, 8, 5)
    assert ward.information_system_lines == [
        "hệ thống họp trực tuyến (login.vnptmeeting.vnpt.com.vn)",
        "báo cáo (baocao.hue.gov.vn)",
    ]


def test_parts_larger_than_the_whole_are_refused(ward, staff) -> None:
    response = client_for(staff).post(url(ward), {**FACTS, "buddhist_sites": 10})
    assert response.status_code == 200
    assert "buddhist_sites" in response.context["form"].errors
    ward.refresh_from_db()
    assert ward.buddhist_sites == 0


def test_home_affairs_sees_the_facts_read_only(ward, home_affairs) -> None:
    response = client_for(home_affairs).get(url(ward))
    assert all(field.disabled for field in response.context["form"].fields.values())
