"""The JSON Schema of rule packs describes what the loader accepts."""

import json
import re
import subprocess
import sys

import jsonschema
import pytest
import yaml

from conftest import ROOT
from lint import packs
from lint.errors import FileError
from lint.pack_schema import schema

README_PACK = re.search(r"```yaml\n(# my-pack.yaml\n.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"),
                        re.S).group(1)


def validator():
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def test_the_default_pack_is_valid():
    validator().validate(yaml.safe_load((ROOT / "rules" / "default.yaml").read_text(encoding="utf-8")))


@pytest.mark.parametrize("text", [README_PACK, ""])
def test_packs_the_loader_accepts_are_valid(tmp_path, text):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    packs.load([str(path)])
    validator().validate(yaml.safe_load(text))


@pytest.mark.parametrize("text", [
    "placeholder:\n  pattern: []\n",
    "watermark:\n  lines: '素材'\n",
    "nonsense: 1\n",
    "placeholder:\n  patterns:\n    - ''\n",
    "placeholder:\n  patterns:\n    - '(unclosed'\n",
    "profiles:\n  述职报告:\n    sections:\n      - name: 甲\n",
    "profiles:\n  述职报告:\n    sections:\n      - name: 甲\n        headings: []\n",
    "profiles:\n  述职报告:\n    sectons: []\n",
    "version: 2\n",
    "placeholder: [a]\n",
])
def test_packs_the_loader_refuses_are_invalid(tmp_path, text):
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileError):
        packs.load([str(path)])
    assert list(validator().iter_errors(yaml.safe_load(text)))


def test_every_pack_key_is_in_the_schema():
    props = schema()["properties"]
    for key in packs.LISTS:
        group, name = key.split(".", 1)
        assert name in props[group]["properties"]


def test_schema_is_printed_as_json():
    proc = subprocess.run([sys.executable, "-m", "lint.pack_schema"], capture_output=True, cwd=ROOT)
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == schema()
