"""Checks shared by the loader tests: the load summary adds up, and the report rows of a file."""


def accounted(df):
    """Assert loaded + skipped == seen in ``df.attrs["load_summary"]``; return the summary."""
    summary = df.attrs["load_summary"]
    assert summary["files_loaded"] + summary["files_skipped"] == summary["files_seen"]
    return summary


def report_rows(df, name):
    """The load report's rows for the file whose path ends with ``name``."""
    report = df.attrs["load_report"]
    return report[report["path"].str.endswith(name)]
