"""Rebuild dichvucong.pot from the sources and sync the language catalogues.

Run with `make i18n`. Compiled .mo files are not committed: Zope compiles them at
start (zope_i18n_compile_mo_files in zope.conf, and in the test layer).
"""

from pathlib import Path
import subprocess
import sys


DOMAIN = "dichvucong"
LOCALES = Path(__file__).parent
PACKAGE = LOCALES.parent
# msgids are English; the en catalogue exists (empty) so that English can be negotiated.
LANGUAGES = ("vi", "en")


def i18ndude(*args):
    tool = Path(sys.executable).with_name("i18ndude")
    subprocess.run([str(tool), *args], check=True)  # noqa: S603


def main():
    pot = LOCALES / f"{DOMAIN}.pot"
    i18ndude("rebuild-pot", "--pot", str(pot), "--create", DOMAIN, str(PACKAGE))
    for language in LANGUAGES:
        po = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        if not po.exists():
            po.write_text(
                'msgid ""\nmsgstr ""\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Content-Transfer-Encoding: 8bit\\n"\n'
                f'"Language: {language}\\n"\n'
                f'"Domain: {DOMAIN}\\n"\n',
                encoding="utf-8",
            )
        i18ndude("sync", "--pot", str(pot), str(po))


if __name__ == "__main__":
    main()
