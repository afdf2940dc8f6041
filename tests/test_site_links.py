"""What `make build` and `make zh-hant` publish, built by the Makefile's own commands: every internal link resolves
(downloads and the 简/繁 switch included), and the switch is there exactly when the other edition is."""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from coursekit.localserver import serve

from conftest import BIN, ENV, ROOT
from test_site_audit import broken_links

pytestmark = pytest.mark.build

Command = tuple[dict[str, str], list[str]]
DOWNLOAD = re.compile(r'href="([^"]*downloads/[^"]*\.(?:pdf|docx|xlsx|zip))"')
SWITCH = re.compile(r'<a href="([^"]*)" hreflang="(zh-CN|zh-TW)"[^>]*class="md-select__link')


def make_commands(target: str) -> list[Command]:
    """The mkdocs and coursekit commands `make -n target` prints (sub-makes included), with their variables."""
    dry = subprocess.run(["make", "-n", "--no-print-directory", target], cwd=ROOT, env=ENV, capture_output=True,
                         text=True, check=True).stdout
    commands = []
    for line in dry.splitlines():
        words = shlex.split(line)
        env = {}
        while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):
            name, _, value = words.pop(0).partition("=")
            env[name] = value
        if words and Path(words[0]).name in ("mkdocs", "coursekit") and Path(words[0]).parent.name == "bin":
            commands.append((env, words))
    return commands


def option(argv: list[str], name: str, default: str) -> str:
    return argv[argv.index(name) + 1] if name in argv else default


def site_dir(argv: list[str]) -> str:
    """Where a mkdocs build writes: ``-d``, else the config's ``site_dir``."""
    config = (ROOT / option(argv, "-f", "mkdocs.yml")).read_text(encoding="utf-8")
    found = re.search(r"^site_dir:\s*(\S+)", config, re.M)
    return option(argv, "-d", found.group(1) if found else "site")


def output(env_argv: Command) -> str:
    _, argv = env_argv
    return site_dir(argv) if argv[1] == "build" else option(argv, "--out", "")


def run_into(commands: list[Command], out: Path) -> None:
    """Run ``commands`` as make would, with every output folder moved under ``out`` and a private handouts cache."""
    for env, argv in commands:
        args = [str(BIN / Path(argv[0]).name), *argv[1:]]
        if argv[1] == "build":
            args = [a for i, a in enumerate(args) if a != "-d" and (i == 0 or args[i - 1] != "-d")]
            args += ["-d", str(out / site_dir(argv))]
        else:
            args[args.index("--out") + 1] = str(out / option(argv, "--out", ""))
            args += ["--cache", str(out / "cache")]
        result = subprocess.run(args, cwd=ROOT, env={**ENV, **env}, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, f"{shlex.join(argv)}\n{result.stderr[-3000:]}"


@pytest.fixture(scope="session")
def make_build_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ as `make build` leaves it: the student edition with its downloads."""
    out = tmp_path_factory.mktemp("make-build")
    commands = make_commands("build")
    assert [argv[1] for _, argv in commands] == ["build", "handouts"]
    run_into(commands, out)
    return out / "site"


@pytest.fixture(scope="session")
def make_pair_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/ as `make zh-hant` leaves it (its student half): both editions with their downloads."""
    out = tmp_path_factory.mktemp("make-zh-hant")
    run_into([c for c in make_commands("zh-hant") if re.match(r"site(/|$)", output(c))], out)
    return out / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_make_build_has_no_broken_internal_link_downloads_included(make_build_site: Path) -> None:
    downloads = [(p, h) for p in pages(make_build_site) for h in DOWNLOAD.findall(p.read_text(encoding="utf-8"))]
    assert {h.rsplit(".", 1)[1] for _, h in downloads} == {"pdf", "docx", "xlsx", "zip"}
    assert len(downloads) > 100
    assert broken_links(make_build_site) == []


def test_make_build_offers_no_language_switch(make_build_site: Path) -> None:
    """No switch and no <link rel="alternate" hreflang>: material fetches the sitemap of each such link."""
    assert not (make_build_site / "zh-hant").exists()
    offenders = [p.relative_to(make_build_site).as_posix() for p in pages(make_build_site)
                 if "hreflang" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_make_zh_hant_builds_each_simplified_site_with_the_switch_before_its_pair() -> None:
    builds = [(output(c), c[0].get("COURSEKIT_LANGUAGES")) for c in make_commands("zh-hant") if c[1][1] == "build"]
    assert builds == [("site", "true"), ("site-teacher", "true"), ("site/zh-hant", "true"),
                      ("site-teacher/zh-hant", "true")]


def test_the_pair_has_the_switch_on_every_page_and_no_broken_link(make_pair_site: Path) -> None:
    hant = make_pair_site / "zh-hant"
    assert (hant / "index.html").exists() and any((hant / "downloads").rglob("*.pdf"))
    for page in pages(make_pair_site):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html":  # root-relative links, no counterpart page: no language link at all
            assert "hreflang" not in html, page.relative_to(make_pair_site)
        else:
            assert sorted(lang for _, lang in SWITCH.findall(html)) == ["zh-CN", "zh-TW"], page
    assert broken_links(make_pair_site) == []


@pytest.fixture(scope="session")
def served_make_build(make_build_site: Path) -> Iterator[str]:
    with serve(make_build_site) as url:
        yield url


@pytest.fixture(scope="session")
def served_pair(make_pair_site: Path) -> Iterator[str]:
    with serve(make_pair_site) as url:
        yield url


def failed_requests(page: Page, url: str) -> tuple[list[str], list[str]]:
    """Open ``url`` in Chromium: the URLs it requested, and those answered with an error."""
    requested: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto(url, wait_until="networkidle")
    return requested, failed


@pytest.mark.browser
def test_a_make_build_page_requests_nothing_of_zh_hant_and_nothing_missing(page: Page, served_make_build: str) -> None:
    """Its own sitemap.xml is still fetched (material reads it on every page), the other edition's is not."""
    requested, failed = failed_requests(page, f"{served_make_build}/modules/01-preparation/")
    assert [u for u in requested if "/zh-hant/" in u] == []
    assert failed == []


@pytest.mark.browser
def test_a_pair_page_finds_the_other_editions_sitemap(page: Page, served_pair: str) -> None:
    requested, failed = failed_requests(page, f"{served_pair}/modules/01-preparation/")
    assert f"{served_pair}/zh-hant/sitemap.xml" in requested
    assert failed == []
