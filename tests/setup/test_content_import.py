"""The import step dichvucong-publishing and the starter guides of the Hanoi profile."""

from dichvucong.publishing.guides.layout import KIND_LAYOUTS
from dichvucong.setup.content import PublishingImportError
from dichvucong.setup.content import import_publishing
from pathlib import Path
from plone import api
from plone.app.blocks.layoutbehavior import ILayoutAware
from Products.GenericSetup.context import DirectoryImportContext
import json
import pytest


@pytest.fixture
def portal(manager_portal):
    """The starter content is imported by the site manager."""
    return manager_portal


STARTER = Path(__file__).resolve().parents[2] / "profiles" / "hanoi" / "publishing"
ESSENTIAL = {
    p.get("national_code") or p.get("local_code")
    for p in json.loads(
        (STARTER.parent / "catalogue" / "procedures.json").read_text(encoding="utf-8")
    )
}
PNG = (STARTER / "images" / "khai-sinh-1-dang-nhap.png").read_bytes()


def published_guides():
    return [
        brain.getObject()
        for brain in api.content.find(portal_type="Guide", review_state="published")
    ]


def codes(guide):
    return {r.to_object.code for r in guide.procedures or () if not r.isBroken()}


# --- Starter guides --------------------------------------------------------------


def test_starter_guides_cover_five_essential_services(portal):
    covered = set().union(*(codes(guide) for guide in published_guides()))
    assert "1.001193" in covered
    assert len(covered & ESSENTIAL) >= 5


def test_starter_guides_mix_the_kinds(portal):
    guides = published_guides()
    steps = [g for g in guides if g.guide_kind == "steps"]
    illustrated = [
        g for g in steps if any(s.image for s in g.objectValues() if s.portal_type == "GuideStep")
    ]
    assert len(illustrated) >= 3
    faq = [g for g in guides if g.guide_kind == "faq"]
    assert faq and all(any(q.portal_type == "GuideQuestion" for q in g.objectValues()) for g in faq)
    video = [g for g in guides if g.guide_kind == "video"]
    assert video
    for guide in video:
        assert guide.captions is not None and guide.transcript.raw.strip()


def test_birth_guide_with_steps_screenshots_and_the_form(portal):
    guide = portal["huong-dan"]["dang-ky-khai-sinh-truc-tuyen"]
    assert api.content.get_state(guide) == "published"
    assert ILayoutAware(guide).content_layout_path() == KIND_LAYOUTS["steps"]
    steps = [s for s in guide.objectValues() if s.portal_type == "GuideStep"]
    assert len(steps) >= 4
    for step in steps:
        assert step.image is not None and step.image_alt.strip()
    birth = next(r.to_object for r in guide.procedures if r.to_object.code == "1.001193")
    assert birth.has_online_form()


def test_starter_images_are_small_and_described(portal):
    for brain in api.content.find(portal_type="GuideStep"):
        step = brain.getObject()
        if step.image is not None:
            assert step.image.getSize() < 80_000, brain.getPath()
            assert step.image_alt.strip(), brain.getPath()


def test_each_guide_layout_matches_its_kind(portal):
    for guide in published_guides():
        assert ILayoutAware(guide).content_layout_path() == KIND_LAYOUTS[guide.guide_kind]


# --- Idempotence --------------------------------------------------------------------


def rerun(portal):
    portal.portal_setup.runImportStepFromProfile(
        "profile-dichvucong:hanoi", "dichvucong-publishing", run_dependencies=False
    )


def test_reimport_keeps_editors_work_and_restores_what_is_missing(portal):
    guides = portal["huong-dan"]
    birth = guides["dang-ky-khai-sinh-truc-tuyen"]
    birth.title = "Khai sinh cho con: hướng dẫn đã sửa"
    api.content.delete(birth["buoc-5-tra-cuu"])
    api.content.delete(guides["hoi-dap-lien-thong-khai-sinh"])
    before = len(api.content.find(portal_type=["Guide", "GuideStep", "GuideQuestion"]))
    rerun(portal)
    assert birth.title == "Khai sinh cho con: hướng dẫn đã sửa"
    # Missing pieces come back, nothing is doubled.
    assert "buoc-5-tra-cuu" in birth
    faq = guides["hoi-dap-lien-thong-khai-sinh"]
    assert len([q for q in faq.objectValues() if q.portal_type == "GuideQuestion"]) >= 5
    after = len(api.content.find(portal_type=["Guide", "GuideStep", "GuideQuestion"]))
    assert after > before
    rerun(portal)
    assert len(api.content.find(portal_type=["Guide", "GuideStep", "GuideQuestion"])) == after


# --- A profile of its own --------------------------------------------------------------


@pytest.fixture
def profile(tmp_path, portal):
    """write(items, name="guides.json", files={path: bytes}) -> run the step on it."""
    folder = tmp_path / "publishing"
    folder.mkdir()

    def run(items, name="guides.json", files=None, raw=None):
        (folder / name).write_text(
            raw if raw is not None else json.dumps({"items": items}), encoding="utf-8"
        )
        for path, data in (files or {}).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        import_publishing(DirectoryImportContext(portal.portal_setup, str(tmp_path)))

    return run


def guide(path="huong-dan/thu-nhap", **extra):
    return {"path": path, "type": "Guide", "title": "Hướng dẫn thử", **extra}


def test_import_creates_children_files_procedures_layout_state_and_dates(portal, profile):
    profile(
        [
            guide(
                description="Mô tả",
                fields={"guide_kind": "faq", "audience": ["elderly"], "text": "<p>Mở đầu</p>"},
                files={"image": "images/anh.png"},
                procedures=["1.001193", "1.004222"],
                layout="++contentlayout++dichvucong/guide-steps.html",
                state="published",
                effective="2030-01-01T08:00:00+07:00",
                expires="2031-01-01T08:00:00+07:00",
            ),
            {
                "path": "huong-dan/thu-nhap/buoc-1",
                "type": "GuideStep",
                "title": "Bước một",
                "fields": {"text": "<p>Làm thế này.</p>", "image_alt": "Ảnh minh họa"},
                "files": {"image": "images/anh.png"},
            },
            {
                "path": "huong-dan/thu-nhap/cau-1",
                "type": "GuideQuestion",
                "title": "Hỏi?",
                "fields": {"answer": "<p>Đáp.</p>"},
            },
        ],
        files={"images/anh.png": PNG},
    )
    obj = portal["huong-dan"]["thu-nhap"]
    assert (obj.description, obj.guide_kind, obj.audience) == ("Mô tả", "faq", {"elderly"})
    assert obj.text.raw == "<p>Mở đầu</p>"
    assert obj.image.data == PNG and obj.image.filename == "anh.png"
    assert codes(obj) == {"1.001193", "1.004222"}
    assert ILayoutAware(obj).contentLayout == KIND_LAYOUTS["steps"]
    assert api.content.get_state(obj) == "published"
    assert obj.effective().year() == 2030 and obj.expires().year() == 2031
    assert obj["buoc-1"].image_alt == "Ảnh minh họa"
    assert obj["cau-1"].answer.raw == "<p>Đáp.</p>"
    # The procedure pages find it (staff view: it is scheduled for 2030).
    assert api.content.find(guide_procedures=api.content.get_uuid(codes_to_obj("1.004222")))


def codes_to_obj(code):
    return api.content.find(portal_type="Procedure", catalogue_code=code)[0].getObject()


def test_files_are_imported_in_name_order(portal, profile):
    profile([guide("huong-dan/thu-thu-tu")], name="a.json")
    profile(
        [{"path": "huong-dan/thu-thu-tu/buoc", "type": "GuideStep", "title": "B"}], name="b.json"
    )
    assert "buoc" in portal["huong-dan"]["thu-thu-tu"]


@pytest.mark.parametrize(
    "items, files, message",
    [
        ([guide(colour="red")], {}, "unknown key(s) colour"),
        ([guide(fields={"colour": "red"})], {}, "Guide has no field(s) colour"),
        ([{"path": "huong-dan/x", "type": "Guide"}], {}, "missing title"),
        ([guide(type="NoSuchType")], {}, "unknown content type 'NoSuchType'"),
        ([guide(path="/huong-dan/x")], {}, "path must be relative"),
        ([guide(path="khong-co/x")], {}, "the parent khong-co does not exist"),
        ([guide(procedures=["9.999999"])], {}, "no procedure with catalogue code '9.999999'"),
        (
            [guide(files={"image": "images/khong-co.png"})],
            {},
            "publishing/images/khong-co.png not found",
        ),
        ([guide(files={"image": "../../etc/passwd"})], {}, "give a path inside publishing/"),
        (
            [guide(files={"captions": "video/phu-de.vtt"})],
            {"video/phu-de.vtt": b"not captions"},
            "files.captions (video/phu-de.vtt)",
        ),
        ([guide(fields={"guide_kind": "poster"})], {}, "fields.guide_kind"),
        ([guide(layout="++contentlayout++dichvucong/khong-co.html")], {}, "unknown content layout"),
        ([guide(state="nowhere")], {}, "cannot reach state 'nowhere'"),
        ([guide(effective="someday")], {}, "effective: not a date"),
        (
            [
                guide(),
                {
                    "path": "huong-dan/thu-nhap/x",
                    "type": "GuideStep",
                    "title": "x",
                    "state": "published",
                },
            ],
            {},
            "GuideStep has no workflow",
        ),
        (
            [
                guide(),
                {
                    "path": "huong-dan/thu-nhap/x",
                    "type": "GuideStep",
                    "title": "x",
                    "files": {"image": "a.png"},
                },
            ],
            {"a.png": PNG},
            "Describe the image",
        ),
    ],
)
def test_mistakes_stop_the_import_with_a_clear_message(profile, items, files, message):
    with pytest.raises(PublishingImportError) as error:
        profile(items, name="sai.json", files=files)
    assert "publishing/sai.json, item " in str(error.value)
    assert message in str(error.value)


def test_not_json_or_not_items(profile):
    with pytest.raises(PublishingImportError) as error:
        profile(None, name="sai.json", raw="{items: ")
    assert str(error.value).startswith("publishing/sai.json: not valid JSON")
    with pytest.raises(PublishingImportError) as error:
        profile(None, name="sai.json", raw='{"guides": []}')
    assert 'expected {"items": [...]}' in str(error.value)


def test_item_number_and_path_in_the_message(profile):
    with pytest.raises(PublishingImportError) as error:
        profile([guide("huong-dan/mot"), guide("huong-dan/hai", colour=1)], name="sai.json")
    assert str(error.value).startswith("publishing/sai.json, item 2 (huong-dan/hai): ")
