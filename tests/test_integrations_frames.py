"""fix_dataset, fix_pandas and fix_polars: fixed texts, nulls kept, edit counts, clear errors."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from dkfix import Config

CLEAN = "Borgerne på Nørrebro får en ny skole, og tilskuddet til ældreplejen øges."
MOJIBAKE = CLEAN.encode("utf-8").decode("cp1252")  # 5 mojibake letters
CP865 = CLEAN.encode("cp865").decode("cp1252")  # the same 5 letters through a DOS code page
UNTOUCHABLE = "Han sagde “nej” til Århus’ forslag.\r\n"
TEXTS = [MOJIBAKE, UNTOUCHABLE, None, CP865]
FIXED = [CLEAN, UNTOUCHABLE, None, CLEAN]
EDITS = [
    [{"kind": "fix_encoding", "count": 5}],
    [],
    [],
    [{"kind": "fix_code_pages", "count": 5}],
]


def test_importing_the_package_imports_no_optional_library() -> None:
    code = (
        "import sys, dkfix.integrations, dkfix.integrations.dataframes; "
        "print(sorted({'pandas', 'polars', 'datasets', 'datatrove'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# -- Hugging Face datasets ---------------------------------------------------------------


def test_fix_dataset_fixes_the_column_and_counts_edits() -> None:
    datasets = pytest.importorskip("datasets")
    from dkfix.integrations.hf_datasets import fix_dataset

    dataset = datasets.Dataset.from_dict({"text": TEXTS, "n": [1, 2, 3, 4]})
    fixed = fix_dataset(dataset, edits_column="dkfix_edits", batch_size=2)
    assert fixed["text"] == FIXED
    assert fixed["n"] == [1, 2, 3, 4]
    assert fixed["dkfix_edits"] == EDITS
    assert dataset["text"] == TEXTS  # a new dataset; the old one is unchanged


def test_fix_dataset_types_the_edits_column_even_when_every_row_is_clean() -> None:
    datasets = pytest.importorskip("datasets")
    from dkfix.integrations.hf_datasets import fix_dataset

    dataset = datasets.Dataset.from_dict({"body": ["Hej", "Farvel"]})
    fixed = fix_dataset(dataset, "body", edits_column="edits")
    assert fixed["edits"] == [[], []]
    assert (
        fixed.features["edits"]
        == datasets.Features(
            {"e": [{"kind": datasets.Value("string"), "count": datasets.Value("int64")}]}
        )["e"]
    )


def test_fix_dataset_dict_with_processes_and_options() -> None:
    datasets = pytest.importorskip("datasets")
    from dkfix.integrations.hf_datasets import fix_dataset

    splits = datasets.DatasetDict(
        train=datasets.Dataset.from_dict({"text": TEXTS}),
        test=datasets.Dataset.from_dict({"text": ["“nej”"]}),
    )
    fixed = fix_dataset(splits, num_proc=2, batch_size=1, uncurl_quotes=True)
    assert fixed["train"]["text"] == [
        FIXED[0],
        'Han sagde "nej" til Århus\' forslag.\r\n',
        *FIXED[2:],
    ]
    assert fixed["test"]["text"] == ['"nej"']
    straight = fix_dataset(splits["test"], config=Config(uncurl_quotes=True))
    assert straight["text"] == ['"nej"']


def test_fix_dataset_errors() -> None:
    datasets = pytest.importorskip("datasets")
    from dkfix.integrations.hf_datasets import fix_dataset

    dataset = datasets.Dataset.from_dict({"text": ["a"], "n": [7]})
    with pytest.raises(ValueError, match="no column 'body'"):
        fix_dataset(dataset, "body")
    with pytest.raises(ValueError, match="already has a column 'n'"):
        fix_dataset(dataset, edits_column="n")
    with pytest.raises(TypeError, match="column 'n', row 0 holds int 7"):
        fix_dataset(dataset, "n")
    with pytest.raises(TypeError, match=r"takes a datasets\.Dataset"):
        fix_dataset(["a"])
    with pytest.raises(TypeError, match="unknown dkfix option"):
        fix_dataset(dataset, fix_everything=True)


# -- pandas ------------------------------------------------------------------------------


def test_fix_pandas_frame() -> None:
    pd = pytest.importorskip("pandas")
    from dkfix.integrations.dataframes import fix_pandas

    frame = pd.DataFrame({"text": TEXTS, "n": [1, 2, 3, 4]}, index=list("abcd"))
    fixed = fix_pandas(frame, edits_column="edits")
    assert fixed["text"].tolist()[:2] == FIXED[:2]
    assert pd.isna(fixed["text"]["c"])
    assert fixed["text"]["d"] == CLEAN
    assert fixed["edits"].tolist() == EDITS
    assert list(fixed.index) == list("abcd")
    assert fixed["text"].dtype == frame["text"].dtype
    assert frame["text"].tolist()[0] == MOJIBAKE  # the input is not modified


def test_fix_pandas_series_keeps_index_name_and_dtype() -> None:
    pd = pytest.importorskip("pandas")
    from dkfix.integrations.dataframes import fix_pandas

    for dtype in (object, "string"):
        series = pd.Series(TEXTS, index=[10, 11, 12, 13], name="tekst", dtype=dtype)
        fixed = fix_pandas(series, fix_code_pages=False)
        assert fixed.name == "tekst"
        assert fixed.dtype == series.dtype
        assert list(fixed.index) == [10, 11, 12, 13]
        assert fixed[10] == CLEAN
        assert pd.isna(fixed[12])
    categories = fix_pandas(pd.Series([MOJIBAKE, MOJIBAKE], dtype="category"))
    assert categories.tolist() == [CLEAN, CLEAN]


def test_fix_pandas_errors() -> None:
    pd = pytest.importorskip("pandas")
    from dkfix.integrations.dataframes import fix_pandas

    frame = pd.DataFrame({"text": ["a", b"b\xf8"]}, index=["x", "y"])
    with pytest.raises(TypeError, match="column 'text', row 'y' holds bytes"):
        fix_pandas(frame)
    with pytest.raises(ValueError, match="no column 'body'"):
        fix_pandas(frame, "body")
    with pytest.raises(ValueError, match="need a DataFrame"):
        fix_pandas(frame["text"], edits_column="edits")
    with pytest.raises(TypeError, match="takes a pandas Series or DataFrame"):
        fix_pandas(["a"])


# -- polars ------------------------------------------------------------------------------


def test_fix_polars_frame_and_lazy_frame() -> None:
    pl = pytest.importorskip("polars")
    from dkfix.integrations.dataframes import fix_polars

    frame = pl.DataFrame({"text": TEXTS, "n": [1, 2, 3, 4]})
    fixed = fix_polars(frame, edits_column="edits")
    assert fixed.columns == ["text", "n", "edits"]
    assert fixed["text"].to_list() == FIXED
    assert fixed["edits"].to_list() == EDITS
    assert fixed.schema["edits"] == pl.List(pl.Struct({"kind": pl.String, "count": pl.Int64}))
    lazy = fix_polars(frame.lazy(), uncurl_quotes=True)
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect()["text"][1] == 'Han sagde "nej" til Århus\' forslag.\r\n'


def test_fix_polars_series_and_expression() -> None:
    pl = pytest.importorskip("polars")
    from dkfix.integrations.dataframes import fix_polars, fix_polars_expr

    series = pl.Series("tekst", TEXTS)
    assert fix_polars(series).to_list() == FIXED
    assert fix_polars(series).name == "tekst"
    frame = pl.DataFrame({"body": TEXTS})
    selected = frame.select(fix_polars_expr("body", edits_column="edits"))
    assert selected["body"].to_list() == FIXED
    assert selected["edits"].to_list() == EDITS


def test_fix_polars_errors() -> None:
    pl = pytest.importorskip("polars")
    from dkfix.integrations.dataframes import fix_polars

    frame = pl.DataFrame({"text": ["a"], "n": [1]})
    with pytest.raises(TypeError, match="column 'n' is of type Int64, not String"):
        fix_polars(frame, "n")
    with pytest.raises(ValueError, match="already has a column 'n'"):
        fix_polars(frame, edits_column="n")
    with pytest.raises(ValueError, match="need a DataFrame"):
        fix_polars(frame["text"], "text")
    with pytest.raises(TypeError, match="takes a polars Series"):
        fix_polars({"text": ["a"]})


# -- missing libraries -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "function", "library"),
    [
        ("hf_datasets", "fix_dataset", "datasets"),
        ("dataframes", "fix_pandas", "pandas"),
        ("dataframes", "fix_polars", "polars"),
    ],
)
def test_missing_library_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str, function: str, library: str
) -> None:
    monkeypatch.delitem(sys.modules, f"dkfix.integrations.{module}", raising=False)
    monkeypatch.setitem(sys.modules, library, None)
    with pytest.raises(ImportError, match=rf'pip install "dkfix\[{library}\]"'):
        # hf_datasets fails on import; dataframes imports its library when called.
        integration = importlib.import_module(f"dkfix.integrations.{module}")
        getattr(integration, function)([])
