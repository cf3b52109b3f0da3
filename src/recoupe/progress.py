"""Progress on stderr for long builds (rich), silent for small or quiet ones."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeRemainingColumn

MIN_DOCUMENTS = 5  # below this a bar is noise


class BuildProgress:
    """A context manager whose ``update(done, total)`` drives a progress bar."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total < MIN_DOCUMENTS:
            return
        if self._progress is None:
            self._progress = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("analyse", total=total)
        assert self._task is not None
        self._progress.update(self._task, completed=done)
