"""The assets sheets on the shared Excel mechanism: the facilities register (also the register's
export, filtered as the page is), the equipment list and the spending entries. Each row carries the
record's number in the portal, so a sheet sorted or cut down still updates the right records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wards.excel.io import ParsedSheet
from wards.excel.layout import Column, SheetLayout, model_columns
from wards.excel.records import ID_KEY, RecordImporter
from wards.models import Ward

from . import services
from .models import EquipmentItem, Facility, Spending
from .services import (
    EQUIPMENT_FIELDS,
    FACILITY_FIELDS,
    SPENDING_FIELDS,
    EquipmentInput,
    FacilityInput,
    SpendingInput,
)

ID_COLUMN = Column(ID_KEY, _("number in the portal"), width=10)
HINT = _("Leave the number in the portal blank for a new line; do not change the numbers of existing lines.")


class FacilityImporter(RecordImporter[Facility, FacilityInput]):
    name = "assets_facilities"
    model = Facility
    row_type = FacilityInput
    title = _("register of facilities")
    layout = SheetLayout(
        sheet_name=_("Facilities"),
        title=_("register of facilities"),
        params=(Column("on", _("On"), kind="date", required=True),),
        columns=(ID_COLUMN, *model_columns(Facility, FACILITY_FIELDS, name=45, address=35)),
        name_keys=("name",),
        hint=HINT,
    )

    def records(self, ward: Ward) -> QuerySet[Facility]:
        return Facility.objects.filter(ward=ward)

    def create(self, ward: Ward, row: FacilityInput) -> Facility:
        return services.facility_create(ward=ward, data=row)

    def update(self, record: Facility, row: FacilityInput) -> Facility:
        return services.facility_update(facility=record, data=row)

    def lock_dates(self, record: Facility | None, candidate: Facility) -> list[Any]:
        stored = services.facility_lock_dates(record) if record else []
        return [*services.facility_lock_dates(candidate), *stored]

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return reverse("assets:register", kwargs={"ward": ward.slug})

    def totals(self, facilities: Iterable[Facility]) -> dict[str, int]:
        """The totals of the rows written, not of the whole register: a filtered sheet adds up."""
        listed = list(facilities)
        return {"land_m2": sum(f.land_m2 for f in listed), "floor_m2": sum(f.floor_m2 for f in listed)}


class EquipmentImporter(RecordImporter[EquipmentItem, EquipmentInput]):
    name = "assets_equipment"
    model = EquipmentItem
    row_type = EquipmentInput
    named_keys = ("unit",)
    title = _("equipment")
    layout = SheetLayout(
        sheet_name=_("Equipment"),
        title=_("equipment"),
        columns=(ID_COLUMN, *model_columns(EquipmentItem, [f for f in EQUIPMENT_FIELDS if f != "position"])),
        name_keys=("unit", "kind"),
        hint=HINT,
    )

    def records(self, ward: Ward) -> QuerySet[EquipmentItem]:
        return EquipmentItem.objects.filter(ward=ward).order_by("unit", "position", "kind")

    def create(self, ward: Ward, row: EquipmentInput) -> EquipmentItem:
        return services.equipment_create(ward=ward, data=row)

    def update(self, record: EquipmentItem, row: EquipmentInput) -> EquipmentItem:
        # The sheet has no order column: an updated item keeps its place in the list.
        return services.equipment_update(item=record, data=replace(row, position=record.position))

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        return reverse("assets:equipment", kwargs={"ward": ward.slug})


class SpendingImporter(RecordImporter[Spending, SpendingInput]):
    name = "assets_spending"
    model = Spending
    row_type = SpendingInput
    title = _("spending")
    layout = SheetLayout(
        sheet_name=_("Spending"),
        title=_("spending"),
        params=(
            Column("start", _("From date"), kind="date", required=True),
            Column("end", _("To date"), kind="date", required=True),
        ),
        columns=(ID_COLUMN, *model_columns(Spending, SPENDING_FIELDS, amount=20)),
        name_keys=("kind", "start"),
        hint=HINT,
    )

    def records(self, ward: Ward) -> QuerySet[Spending]:
        return Spending.objects.filter(ward=ward)

    def create(self, ward: Ward, row: SpendingInput) -> Spending:
        return services.spending_create(ward=ward, data=row)

    def update(self, record: Spending, row: SpendingInput) -> Spending:
        return services.spending_update(spending=record, data=row)

    def lock_dates(self, record: Spending | None, candidate: Spending) -> list[Any]:
        stored = services.spending_lock_dates(record) if record else []
        return [*services.spending_lock_dates(candidate), *stored]

    def done_url(self, ward: Ward, sheet: ParsedSheet) -> str:
        url = reverse("assets:spending", kwargs={"ward": ward.slug})
        return f"{url}?start={sheet.params['start']:%Y-%m-%d}&end={sheet.params['end']:%Y-%m-%d}"


def rows_of(importer: RecordImporter[Any, Any], records: Iterable[Any]) -> list[dict[str, Any]]:
    return [importer.values_of(record) for record in records]
