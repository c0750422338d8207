"""The built wheel: version, metadata, catalog files and py.typed; installed in a fresh venv, it runs."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import dealkit

ROOT = Path(__file__).resolve().parent.parent
SOURCE_CATALOG = sorted(
    p.relative_to(ROOT / "src" / "dealkit" / "catalog" / "builtin").as_posix()
    for p in (ROOT / "src" / "dealkit" / "catalog" / "builtin").glob("**/*.toml")
)


def _env() -> dict[str, str]:
    # Nothing from the checkout may leak into the fresh environment.
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-q", "-w", str(out), str(ROOT)],
        check=True, env=_env(), capture_output=True, timeout=300,
    )
    [built] = out.glob("dealkit-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; dependencies come from this environment, offline."""
    env_dir = tmp_path_factory.mktemp("venv") / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True, env=_env(), capture_output=True, timeout=300,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, env=_env(),
    ).stdout.strip()
    # attrs, cattrs, pint and babel: this environment's copies, after the venv's own packages.
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "_outer_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    return env_dir


class TestWheel:
    def test_ships_the_catalog_files(self, wheel):
        names = zipfile.ZipFile(wheel).namelist()
        shipped = sorted(n.removeprefix("dealkit/catalog/builtin/") for n in names if n.startswith("dealkit/catalog/builtin/"))
        assert SOURCE_CATALOG and shipped == SOURCE_CATALOG

    def test_ships_the_compiled_message_catalogs(self, wheel):
        names = zipfile.ZipFile(wheel).namelist()
        for language in ("de", "es", "fr", "ja"):
            assert f"dealkit/locale/{language}/LC_MESSAGES/dealkit.mo" in names
            assert f"dealkit/locale/{language}/LC_MESSAGES/dealkit.po" in names

    def test_ships_py_typed(self, wheel):
        assert "dealkit/py.typed" in zipfile.ZipFile(wheel).namelist()

    def test_metadata(self, wheel):
        with zipfile.ZipFile(wheel) as zf:
            [meta_name] = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
            meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
            [entry_points] = [n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt")]
            scripts = zf.read(entry_points).decode("utf-8")
        assert meta["Version"] == dealkit.__version__
        assert wheel.name.startswith(f"dealkit-{dealkit.__version__}-")
        classifiers = meta.get_all("Classifier")
        assert "Typing :: Typed" in classifiers
        assert meta["Requires-Python"] == ">=3.11"
        extras = set(meta.get_all("Provides-Extra"))
        assert {"cli", "dataframe", "plot", "docs", "test"} <= extras
        assert "dealkit = dealkit.cli:main" in scripts

    def test_tests_and_docs_stay_out(self, wheel):
        names = zipfile.ZipFile(wheel).namelist()
        assert not any(n.startswith(("tests/", "docs/", "examples/")) for n in names)


class TestInstalled:
    def test_imports_from_the_venv(self, installed):
        out = subprocess.run(
            [str(installed / "bin" / "python"), "-c", "import dealkit; print(dealkit.__file__)"],
            check=True, capture_output=True, text=True, env=_env(), cwd=installed,
        ).stdout
        assert Path(out.strip()).is_relative_to(installed)

    def test_show_the_headline_deal(self, installed):
        result = subprocess.run(
            [str(installed / "bin" / "dealkit"), "show", "amazon-anthropic-2026"],
            capture_output=True, text=True, env=_env(), cwd=installed, timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "amazon-anthropic-2026" in result.stdout
        assert "up to $25B" in result.stdout
        assert "5 GW" in result.stdout

    @pytest.mark.parametrize(("locale", "words"), [("de_DE", "bis zu 25"), ("fr_FR", "jusqu’à 25"),
                                                   ("es_ES", "hasta 25"), ("ja_JP", "最大$250億")])
    def test_speaks_each_shipped_language(self, installed, locale, words):
        result = subprocess.run(
            [str(installed / "bin" / "dealkit"), "list", "--locale", locale],
            capture_output=True, text=True, encoding="utf-8", env=_env(), cwd=installed, timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert words in result.stdout

    def test_version(self, installed):
        result = subprocess.run(
            [str(installed / "bin" / "dealkit"), "--version"],
            capture_output=True, text=True, env=_env(), cwd=installed, timeout=60,
        )
        assert result.returncode == 0
        assert result.stdout.strip() == f"dealkit {dealkit.__version__}"
