"""Lines that a site prints on every page, found across documents and taken out."""

from __future__ import annotations

from pathlib import Path

from recoupe.ingest import load_inputs
from recoupe.ingest.boilerplate import remove_shared_boilerplate
from recoupe.records import DocDate, Document
from recoupe.settings import Settings

NOTICE = "Vous ne pouvez lire ce journal que sur un seul appareil à la fois."
WIRE = "Le cessez-le-feu est entré en vigueur à minuit, selon les deux parties."


def _doc(i: int, day: str | None, *lines: str) -> Document:
    date = DocDate(day, "day", "metadata") if day else DocDate(None, None, "unknown")
    body = f"Article {i} : un fait propre à cet article, numéro {i}, avec ses détails."
    return Document(id=f"d{i}", path=f"{i}.txt", text="\n\n".join([body, *lines]), date=date)


def test_a_line_on_pages_months_apart_is_a_template() -> None:
    days = ["2024-01-03", "2024-02-10", "2024-03-15", "2024-04-20", "2024-05-25"]
    docs = [_doc(i, d, NOTICE) for i, d in enumerate(days)]
    kept, skipped = remove_shared_boilerplate(docs)
    assert not skipped
    assert all(NOTICE not in d.text and f"Article {i}" in d.text for i, d in enumerate(kept))
    assert all(r.text == NOTICE and "5 documents" in r.reason for d in kept for r in d.removed)


def test_a_wire_sentence_reprinted_within_days_stays() -> None:
    days = ["2024-01-03", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08"]
    docs = [_doc(i, d, WIRE) for i, d in enumerate(days)]
    kept, _ = remove_shared_boilerplate(docs)
    assert all(WIRE in d.text and not d.removed for d in kept)


def test_a_line_in_few_documents_stays() -> None:
    docs = [_doc(i, None, NOTICE) for i in range(4)]
    kept, _ = remove_shared_boilerplate(docs)
    assert all(NOTICE in d.text for d in kept)


def test_undated_pages_count_as_far_apart() -> None:
    docs = [_doc(i, None, NOTICE) for i in range(5)]
    kept, _ = remove_shared_boilerplate(docs)
    assert all(NOTICE not in d.text for d in kept)


def test_a_page_of_templates_only_is_skipped_with_its_reason(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(
            f"Un article {i} sur la crue, avec ses faits.\n\n{NOTICE}\n"
        )
    (tmp_path / "menu.txt").write_text(f"{NOTICE}\n")
    result = load_inputs([tmp_path], Settings())
    assert [s.reason for s in result.skipped] == ["only template lines shared with other documents"]
    assert len(result.documents) == 5 and all(NOTICE not in d.text for d in result.documents)


SITE_BLOCK = (
    "Tartes, gratins, soupes… Six idées pour cuisiner la courge",
    "« Le vélo électrique a changé ma vie »",
    "Vous ne pouvez lire ce journal que sur un seul appareil à la fois.",
    "Lecture du journal en cours sur un autre appareil.",
    "Services du journal",
)
WIRE_BLOCK = (
    "Les rebelles reprennent le port",
    WIRE,
    "Les combats avaient fait au moins douze morts dans la nuit de dimanche à lundi.",
    "Les deux camps ont promis de laisser passer les convois humanitaires dès mardi.",
)
WEEK = ["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-08", "2024-01-09"]


def test_a_site_template_on_pages_of_one_week_is_taken_out() -> None:
    docs = [_doc(i, d, *SITE_BLOCK) for i, d in enumerate(WEEK)]
    kept, _ = remove_shared_boilerplate(docs)
    for i, d in enumerate(kept):
        assert f"Article {i}" in d.text
        assert not any(line in d.text for line in SITE_BLOCK)
        assert [r.text for r in d.removed] == list(SITE_BLOCK)


def test_a_wire_story_of_one_week_stays_with_its_headline() -> None:
    docs = [_doc(i, d, *WIRE_BLOCK) for i, d in enumerate(WEEK)]
    kept, _ = remove_shared_boilerplate(docs)
    assert all(all(line in d.text for line in WIRE_BLOCK) and not d.removed for d in kept)


def test_reads_as_story() -> None:
    from recoupe.ingest.boilerplate import reads_as_story

    assert reads_as_story(WIRE)
    assert reads_as_story("« Nous ne céderons pas », a déclaré le ministre devant la presse.")
    assert reads_as_story("Le ministre a dit : « Vous serez entendus. »")  # "vous" quoted
    for line in SITE_BLOCK:  # but one: a notice worded as a sentence goes with its block
        assert reads_as_story(line) == line.startswith("Lecture"), line
    assert not reads_as_story("Que se passera-t-il si vous continuez à lire ici ?")


def test_a_long_privacy_notice_is_boilerplate() -> None:
    from recoupe.ingest.boilerplate import boilerplate_reason

    notice = (
        "Vos coordonnées servent uniquement à vous adresser nos lettres d'information et nos "
        "offres. Conformément à la loi informatique et libertés, vous disposez d'un droit "
        "d'accès, de rectification et de suppression des informations qui vous concernent, en "
        "écrivant au service des lecteurs."
    )
    assert boilerplate_reason(notice) == "privacy notice"
    story = (
        "Le gouvernement a présenté mardi un projet de loi qui réforme l'accès aux données, "
        "longtemps réclamé par les associations, et qui doit être débattu au Parlement à "
        "l'automne, selon le ministre, qui promet un texte plus court que celui de 1978."
    )
    assert boilerplate_reason(story) is None


def test_a_series_notice_is_boilerplate() -> None:
    from recoupe.ingest.boilerplate import boilerplate_reason

    for line in (
        "Ce billet fait partie de notre dossier spécial sur les crues de l'hiver.",
        "Cet article fait partie de notre série sur les élections européennes.",
        "Retrouvez tous nos articles sur la guerre en Ukraine",
    ):
        assert boilerplate_reason(line) == "series notice", line
    assert (
        boilerplate_reason("Ce quartier fait partie de la ville depuis 1920, dit le maire.") is None
    )


def test_subscription_offers_are_boilerplate() -> None:
    from recoupe.ingest.boilerplate import boilerplate_reason

    for line in (
        "Ordinateur + tablette + téléphone dès 2€",
        "Offre spéciale  - 3 mois pour 2€, sans engagement",
        "Découvrez nos formules d'abonnement à partir de 2€",
        "Accédez à tout le journal sur votre téléphone pour 2€ seulement",
    ):
        assert boilerplate_reason(line) == "subscription prompt", line
    for news in (
        "Le département débloque 3 millions d'euros pour les sinistrés.",
        "Vivre avec moins de 2 euros par jour",
    ):
        assert boilerplate_reason(news) is None, news
