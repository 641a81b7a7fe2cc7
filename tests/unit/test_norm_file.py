"""The CSV file of a norm table: nine amounts, the Dutch way, every fault named by its line."""

import pytest

from correspondence.rules.norm_file import NormFileRefused, parse_norm_csv
from store.vocabulary import AgeBand, Household
from tests.support.norms import ASSET_LIMITS_CSV, NORMS_CSV


def test_the_documented_format_reads_nine_amounts():
    amounts = parse_norm_csv(NORMS_CSV).amounts
    assert len(amounts) == 9
    assert amounts[(Household.SINGLE, AgeBand.ADULT)] == 143_028
    assert amounts[(Household.COUPLE, AgeBand.PENSION)] == 218_980


def test_the_table_of_january_may_carry_the_asset_limits_of_every_household():
    assert parse_norm_csv(NORMS_CSV).asset_limits == {}
    parsed = parse_norm_csv(
        NORMS_CSV + ASSET_LIMITS_CSV.replace("vermogensgrens", "Vermogensgrens")
    )
    assert parsed.asset_limits == {
        Household.SINGLE: 777_000,
        Household.SINGLE_PARENT: 1_554_000,
        Household.COUPLE: 1_554_000,
    }
    assert len(parsed.amounts) == 9


def test_a_spreadsheet_export_with_bom_spaces_and_capitals_reads_too():
    text = NORMS_CSV.replace("leefvorm;leeftijd;bedrag", "Leefvorm ; Leeftijd ; Bedrag")
    text = text.replace("gehuwden;aow;2.189,80", "Gehuwden; AOW ;€ 2.189,80") + "\n;;\n"
    assert parse_norm_csv(text).amounts[(Household.COUPLE, AgeBand.PENSION)] == 218_980


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "het bestand is leeg"),
        ("household,band,amount\n", "regel 1: de kopregel moet 'leefvorm;leeftijd;bedrag' zijn"),
        (NORMS_CSV.replace("gehuwden;aow", "stel;aow"), "regel 10: onbekende leefvorm 'stel'"),
        (NORMS_CSV.replace("gehuwden;aow", "gehuwden;65+"), "regel 10: onbekende leeftijd '65+'"),
        (NORMS_CSV.replace("2.189,80", "2189.80"), "regel 10: '2189.80' is geen bedrag"),
        (NORMS_CSV.replace("2.189,80", "0"), "regel 10: het bedrag is nul"),
        (NORMS_CSV.replace(";2.189,80", ""), "regel 10: drie kolommen verwacht"),
        (NORMS_CSV + "gehuwden;aow;2.189,80\n", "regel 11: gehuwden aow staat er twee keer in"),
        (
            NORMS_CSV.replace("gehuwden;aow;2.189,80\n", ""),
            "er ontbreekt een bedrag voor: gehuwden aow",
        ),
        # the asset limits: all three households or none, each once
        (
            NORMS_CSV + "alleenstaande;vermogensgrens;7.770,00\n",
            "er ontbreekt een vermogensgrens voor: alleenstaande ouder, gehuwden",
        ),
        (
            NORMS_CSV + ASSET_LIMITS_CSV + "gehuwden;vermogensgrens;15.540,00\n",
            "regel 14: gehuwden vermogensgrens staat er twee keer in",
        ),
    ],
)
def test_a_fault_is_named_and_nothing_is_read(text, problem):
    with pytest.raises(NormFileRefused, match="normtabel niet ingelezen, er is niets opgeslagen"):
        parse_norm_csv(text)
    with pytest.raises(NormFileRefused) as refused:
        parse_norm_csv(text)
    assert refused.value.problems[0].startswith(problem)
    assert refused.value.fields == {"file": refused.value.problems}  # all about the file
