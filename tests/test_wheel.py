"""The installed wheel, not just the source tree, carries and finds the default glossary
(and its shipped parsed parts) and the prebuilt loanword-origin index."""

import os
import subprocess
import sys


def test_wheel_finds_the_default_glossary(tmp_path):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            wheels,
            root,
        ],
        check=True,
        capture_output=True,
    )
    wheel = next(wheels.glob("bilingo-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site, wheel],
        check=True,
        capture_output=True,
    )
    probe = (
        "import bilingo, bilingo.glossary as g;"
        "print(bilingo.__file__); print(g.default_glossary_dir());"
        "print(len(bilingo.load_glossary(use_cache=False)));"
        "from bilingo.glossary import parsed_files as p;"
        "p.read_glossary_file = None;"  # so a file without its shipped part cannot load
        "print(len(bilingo.load_glossary()));"
        "from bilingo.extraction import origins_build as b;"
        "b.build_text = None;"  # so a wheel without the shipped index cannot answer
        "from bilingo.extraction.origins import english_origins;"
        "print(english_origins('사르코지')[0].english)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        check=True,
    )
    module_file, glossary_dir, count, from_parts, sarkozy = result.stdout.split("\n")[:5]
    assert module_file.startswith(str(site))
    assert glossary_dir == str(site / "bilingo" / "data" / "glossary")
    assert int(count) >= 3000
    assert from_parts == count  # the shipped parsed parts are in the wheel and current
    assert sarkozy == "Sarkozy"  # from the shipped index: the builder is gone
