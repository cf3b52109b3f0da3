"""One component failing on one document must not fail the batch it came in.

``@guarded("recoupe_quotes")`` on a component's ``__call__`` records the exception in
``doc.user_data["errors"]`` and hands the document on unchanged by that component: the other
components and the other documents of the batch go on, and the error reaches the document's
``DocAnalysis.errors`` (and stderr) instead of making spaCy abandon the whole batch.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from spacy.tokens import Doc

F = TypeVar("F", bound=Callable[..., Doc])

ERRORS_KEY = "errors"


def record_error(doc: Doc, where: str | None, err: BaseException) -> None:
    """Keep ``err`` on ``doc``, prefixed by the component it came from when known."""
    message = f"{type(err).__name__}: {err}"
    doc.user_data.setdefault(ERRORS_KEY, []).append(f"{where}: {message}" if where else message)


def doc_errors(doc: Doc) -> list[str]:
    return list(doc.user_data.get(ERRORS_KEY, ()))


def guarded(name: str) -> Callable[[F], F]:
    """Decorate a component call whose last positional argument is the ``Doc``."""

    def wrap(func: F) -> F:
        @functools.wraps(func)
        def run(*args: Any) -> Doc:
            doc = args[-1]
            try:
                return func(*args)
            except Exception as err:  # noqa: BLE001 - recorded on the document, never silent
                record_error(doc, name, err)
                return cast(Doc, doc)

        return cast(F, run)

    return wrap
