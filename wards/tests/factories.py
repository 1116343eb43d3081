from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from wards.models import City, ImportRecord, Membership, Role, SigningTitle, Ward, WardKind, ward_slug

PASSWORD = "test-Password-2025"


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("slug",)

    name = "Huế"
    slug = factory.LazyAttribute(lambda o: ward_slug(o.name))


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward

    city = factory.SubFactory(CityFactory)
    name = factory.Sequence(lambda n: f"Phường Thử {n}")
    kind = WardKind.PHUONG
    slug = factory.LazyAttribute(lambda o: ward_slug(o.name))
    area_km2 = Decimal("42.80")
    population = 36_296
    formed_on = date(2025, 7, 1)
    legal_basis = "Nghị quyết số 1675/NQ-UBTVQH15 ngày 16/6/2025"
    former_units = "phường Hương Xuân\nphường Hương Chữ\nxã Hương Toàn"
    residential_groups = 27


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    last_name = "Nguyễn Văn"
    first_name = factory.Sequence(lambda n: f"An{n}")
    password = factory.django.Password(PASSWORD)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.STAFF
    ward = factory.SubFactory(WardFactory)
    city = None
    signing_title = ""

    class Params:
        leader = factory.Trait(role=Role.LEADER, signing_title=SigningTitle.CHU_TICH)
        vice = factory.Trait(role=Role.LEADER, signing_title=SigningTitle.PHO_CHU_TICH)
        home_affairs = factory.Trait(role=Role.CITY, ward=None, city=factory.SubFactory(CityFactory))


SAMPLE_XLSX = b"PK\x03\x04 a stored import, byte for byte"


class ImportRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRecord

    ward = factory.SubFactory(WardFactory)
    kind = "procedures_06a"
    start = date(2025, 8, 18)
    end = date(2025, 8, 23)
    file = factory.django.FileField(data=SAMPLE_XLSX, filename="bieu-06a.xlsx")
    filename = "Biểu 06a tuần 34.xlsx"
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(SAMPLE_XLSX).hexdigest())
    size = len(SAMPLE_XLSX)
    rows_saved = 9
    imported_by = factory.SubFactory(UserFactory)
