"""Demo data for governance: the region, its municipalities and organisations."""

from common.demo import read_fixture
from common.upsert import upsert

from .models import Municipality, Organisation, Region, SubRegion

REGION_FIXTURE = "region_zkij.yaml"


def load_region() -> int:
    data = read_fixture(REGION_FIXTURE)
    changed = 0
    r = data["region"]
    region, c = upsert(
        Region,
        lookup={"slug": r["slug"]},
        values={"name": r["name"], "source_note": r.get("source", "")},
    )
    changed += c
    subregions = {}
    for item in data.get("subregions", []):
        subregions[item["name"]], c = upsert(
            SubRegion, lookup={"region": region, "name": item["name"]}, values={}
        )
        changed += c
    municipalities = {}
    for item in data.get("municipalities", []):
        municipalities[item["name"]], c = upsert(
            Municipality,
            lookup={"region": region, "name": item["name"]},
            values={
                "subregion": subregions.get(item.get("subregion")),
                "inhabitants": item.get("inhabitants"),
                "inhabitants_source": item.get("inhabitants_source") or "",
                "is_centre": bool(item.get("centre", False)),
            },
        )
        changed += c
    for item in data.get("organisations", []):
        changed += upsert_organisation(
            item, municipality=municipalities.get(item.get("municipality"))
        )
    return changed


def upsert_organisation(item: dict, **values) -> int:
    """Make or update the organisation of a fixture row; returns 1 when it changed."""
    _org, changed = upsert(
        Organisation,
        lookup={"name": item["name"]},
        values={
            "abbreviation": item.get("abbreviation") or "",
            "type": item.get("type") or Organisation.Type.OTHER,
            "source_note": item.get("source") or "",
            **values,
        },
    )
    return changed


def organisation_by_key(key: str) -> Organisation:
    """Find an organisation by abbreviation or, failing that, by name."""
    org = Organisation.objects.filter(abbreviation=key).first()
    if org is None:
        org = Organisation.objects.get(name=key)
    return org
