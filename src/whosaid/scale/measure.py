"""Small measuring helpers shared by the scripts in ``benchmarks/``: the machine, memory, words."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from collections.abc import Iterable


def words(texts: Iterable[str]) -> int:
    """Whitespace-separated words, the unit of the words/s figures."""
    return sum(len(t.split()) for t in texts)


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def rss_mb() -> float:
    """Resident memory of this process now."""
    return _status_kb("VmRSS") / 1024


def peak_rss_mb() -> float:
    """Highest resident memory of this process so far (VmHWM)."""
    return _status_kb("VmHWM") / 1024


def reset_peak_rss() -> None:
    """Start a new peak (Linux: writing 5 to clear_refs resets VmHWM); ignored where not allowed."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        pass


def machine() -> str:
    """One paragraph naming the machine: CPU model, cores, memory, load, Python."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            found = re.search(r"model name\s*:\s*(.+)", info.read())
            cpu = found.group(1).strip() if found else cpu
    except OSError:
        pass
    try:
        free = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout
        memory = next((line.split()[1] for line in free.splitlines() if line.startswith("Mem:")), "?")
    except OSError:
        memory = "?"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}; nproc={os.cpu_count()}; memory {memory}; load average {load}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}"
    )
