"""Drop-in use of dkfix in data pipelines, one optional extra each.

* `dkfix.integrations.datatrove`: `DkfixFormatter`, a datatrove pipeline step that
  replaces `FTFYFormatter` (``pip install "dkfix[datatrove]"``);
* `dkfix.integrations.hf_datasets`: `fix_dataset` for Hugging Face datasets
  (``pip install "dkfix[datasets]"``);
* `dkfix.integrations.dataframes`: `fix_pandas` and `fix_polars` for a text column
  (``pip install "dkfix[pandas]"`` or ``"dkfix[polars]"``).

Importing this package imports none of those libraries; each module imports its own
library and says which extra to install when it is missing. docs/integrations.md
shows how to use them, on one machine and on a cluster.
"""
