"""DkfixFormatter in a real datatrove pipeline: JSONL in, fixed JSONL, metadata and stats out."""

from __future__ import annotations

import copy
import importlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from dkfix import Config
from dkfix.integrations.datatrove import DkfixFormatter

CLEAN = (
    "Kommunalbestyrelsen godkendte ændringen af budgettet for næste år. "
    "Borgerne på Nørrebro får en ny skole, og tilskuddet til ældreplejen øges."
)
# Clean, with what a careless normaliser would change: curly quotes, CRLF, a no-break space.
UNTOUCHABLE = "Han sagde “nej” til Århus’ forslag.\r\nBeløbet er 1\u00a0200 kr.\r\n"
DOCUMENTS = {
    # UTF-8 read as cp1252.
    "mojibake": CLEAN.encode("utf-8").decode("cp1252"),
    # A DOS (cp865) file read as cp1252: æ ø å became ‘ › †.
    "cp865": CLEAN.encode("cp865").decode("cp1252"),
    "clean": UNTOUCHABLE,
    "plain": "Mødet sluttede klokken 16.",
}
# The reader gives rank 0 the first file and rank 1 the second.
FILES = {"part0.jsonl": ("mojibake", "clean"), "part1.jsonl": ("cp865", "plain")}


def write_input(folder: Path) -> None:
    folder.mkdir()
    for name, ids in FILES.items():
        lines = [json.dumps({"id": key, "text": DOCUMENTS[key]}, ensure_ascii=False) for key in ids]
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_output(folder: Path) -> dict[str, dict[str, Any]]:
    rows = [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    return {row["id"]: row for row in rows}


@pytest.fixture(scope="module")
def pipeline_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run reader → DkfixFormatter → writer once, with two tasks, and return its folder."""
    # datatrove's JSONL reader and writer need orjson (datatrove's "io" extra).
    pytest.importorskip("orjson")
    root = tmp_path_factory.mktemp("datatrove")
    write_input(root / "in")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(root / "in")),
            DkfixFormatter(),
            JsonlWriter(str(root / "out"), output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=2,
        # One worker runs the tasks one after another in this process, each on a deep copy
        # of the pipeline; pickling to worker processes is tested on its own below.
        workers=1,
        logging_dir=str(root / "logs"),
    )
    executor.run()
    return root


def test_texts_are_fixed_and_clean_text_is_kept_byte_for_byte(pipeline_run: Path) -> None:
    rows = read_output(pipeline_run / "out")
    assert set(rows) == set(DOCUMENTS)
    assert rows["mojibake"]["text"] == CLEAN
    assert rows["cp865"]["text"] == CLEAN
    assert rows["clean"]["text"].encode("utf-8") == UNTOUCHABLE.encode("utf-8")
    assert rows["plain"]["text"] == DOCUMENTS["plain"]


def test_metadata_counts_edits_by_kind(pipeline_run: Path) -> None:
    rows = read_output(pipeline_run / "out")
    assert rows["mojibake"]["metadata"]["dkfix_edits"] == {"fix_encoding": 8}
    assert rows["cp865"]["metadata"]["dkfix_edits"] == {"fix_code_pages": 8}
    assert rows["clean"]["metadata"]["dkfix_edits"] == {}
    assert all(row["metadata"]["dkfix_flagged"] == 0 for row in rows.values())
    # The reader's own metadata is kept beside dkfix's.
    assert all("file_path" in row["metadata"] for row in rows.values())


def test_stats_file_sums_both_tasks(pipeline_run: Path) -> None:
    merged = json.loads((pipeline_run / "logs" / "stats.json").read_text(encoding="utf-8"))
    stats = next(step["stats"] for step in merged if "dkfix" in step["name"])
    assert stats["total"] == len(DOCUMENTS)
    assert stats["changed"] == 2
    assert stats["unchanged"] == 2
    assert stats["fix_encoding"]["total"] == 8
    assert stats["fix_code_pages"]["total"] == 8
    assert "flagged" not in stats
    per_task = sorted((pipeline_run / "logs" / "stats").glob("*.json"))
    assert [path.name for path in per_task] == ["00000.json", "00001.json"]


def test_config_and_overrides() -> None:
    step = DkfixFormatter(Config(fix_code_pages=False), uncurl_quotes=True)
    assert step.config == Config(fix_code_pages=False, uncurl_quotes=True)
    assert step.format("“nej”") == '"nej"'
    assert DkfixFormatter().format("“nej”") == "“nej”"
    with pytest.raises(TypeError, match="unknown dkfix option"):
        DkfixFormatter(fix_everything=True)


def test_survives_pickling_and_deep_copy_as_executors_do() -> None:
    step = DkfixFormatter(restore_folded_letters=False, record_metadata=False)
    for clone in (pickle.loads(pickle.dumps(step)), copy.deepcopy(step)):
        assert clone.config == step.config
        docs = list(clone.run(iter([Document(DOCUMENTS["mojibake"], "1")])))
        assert docs[0].text == CLEAN
        assert docs[0].metadata == {}
        assert clone.stats["fix_encoding"].total == 8


def test_flagged_restorations_are_counted() -> None:
    step = DkfixFormatter(confidence_threshold=1.0)
    text = "Vi mødes p? torsdag i K?benhavn og sp?rger om l?n."
    doc = next(step.run(iter([Document(text, "1")])))
    assert doc.text == "Vi mødes på torsdag i København og spørger om løn."
    assert doc.metadata["dkfix_flagged"] > 0
    assert doc.metadata["dkfix_flagged"] <= doc.metadata["dkfix_edits"]["restore_placeholders"]
    assert step.stats["flagged"].total == doc.metadata["dkfix_flagged"]


def test_missing_datatrove_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "dkfix.integrations.datatrove")
    monkeypatch.setitem(sys.modules, "datatrove.pipeline.formatters.base", None)
    with pytest.raises(ImportError, match=r'pip install "dkfix\[datatrove\]"'):
        importlib.import_module("dkfix.integrations.datatrove")
