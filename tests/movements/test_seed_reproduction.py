"""The seed 173/PD-SKHĐT as movement data in the demo: the spec built from the movement
is exactly the one the golden test renders and compares with the original."""

import datetime

import pytest

from thidua.demo.movement import load_seed_movement
from thidua.documents.rendering import render_docx
from thidua.movements.rendering import movement_spec
from thidua.organizations.services.structure import create_council, update_agency

from ..decisions.factories import head_of
from ..documents.seed_173 import seed_173_spec

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_movement(org):
    update_agency(
        org.province,
        short_name="UBND tỉnh Lạng Sơn",
        expected_version=org.province.version,
    )
    skhdt = update_agency(
        org.skhdt,
        short_name="Sở Kế hoạch và Đầu tư",
        place_name="Lạng Sơn",
        expected_version=org.skhdt.version,
    )
    province_council = create_council(
        agency=org.province,
        name="Hội đồng TĐKT tỉnh",
        term_start=datetime.date(2021, 6, 15),
    )
    director = head_of(skhdt, "Vũ Hoàng Quý", "Giám đốc")  # as the seed prints it
    return load_seed_movement(
        skhdt=skhdt,
        province_council=province_council,
        btdkt=org.btdkt,
        council=org.council,
        cluster=skhdt.cluster_memberships.get().cluster,
        director=director,
    )


def test_the_demo_movement_builds_the_seed_document(seed_movement):
    assert seed_movement.issued_document.symbol == "173/PD-SKHĐT"
    assert (
        seed_movement.issued_document.official_type is False
    )  # PD: not in Phụ lục III
    assert seed_movement.state == "dang_thuc_hien"
    assert movement_spec(seed_movement) == seed_173_spec()
    assert render_docx(movement_spec(seed_movement)) == render_docx(seed_173_spec())


def test_the_seed_carries_its_parent_movements_and_implemented_directive(seed_movement):
    parents = list(seed_movement.parents.values_list("launched_by", flat=True))
    assert len(parents) == 8 and parents[0] == "Thủ tướng Chính phủ"
    directive = seed_movement.implemented_documents.get()
    assert (directive.number_symbol, directive.issued_on) == (
        "02/CT-UBND",
        datetime.date(2023, 1, 13),
    )
    units = set(seed_movement.deliveries.values_list("agency__code", flat=True))
    assert {"SKHĐT-VP", "SKHĐT-ĐKKD", "STC"} <= units  # own units and cluster members
