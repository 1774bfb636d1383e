"""Project files agree with each other."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return requirement.strip()[len(_name(requirement)) :].replace(" ", "")


def test_environment_yml_lists_the_same_runtime_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_deps = {_name(d): _spec(d) for d in project["dependencies"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    conda_deps = {_name(d): _spec(d) for d in conda if _name(d) not in ("python", "pip")}
    # a dependency conda-forge may lack is installed by pip, before newslib itself
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_section[-1] == "-e ."
    from_pip = {_name(d): _spec(d) for d in pip_section[:-1]}
    assert not set(from_pip) & set(conda_deps)
    assert {**conda_deps, **from_pip} == pip_deps
    python = next(d for d in conda if _name(d) == "python")
    assert _spec(python) == project["requires-python"]


def test_console_script_and_extras():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["newslib"] == "newslib.cli:main"
    assert {"dev", "html"} <= set(project["optional-dependencies"])


def test_readme_quick_start_and_ci():
    readme = (ROOT / "README.md").read_text()
    assert "make run" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_public_api_has_docstrings_with_examples():
    import newslib

    for name in newslib.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(newslib, name)
        doc = obj.__doc__ or ""
        assert ">>>" in doc or "Example" in doc, f"newslib.{name} has no example in its docstring"
