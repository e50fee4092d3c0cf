"""The benchmark table: ``python -m benchmarks``.

Twin-training throughput against PyTorch eager (when PyTorch is installed), the server
time of one rerun of each page with the bytes of its largest chart, and, in headless
Chromium, the time from a slider move to the redrawn chart. Takes a few minutes.
"""

import datetime
import os
import platform

from benchmarks import reruns, slider_latency, twin_jobs


def main():
    cores = os.cpu_count()
    print(
        f"Twin Heads benchmarks, {datetime.date.today()}, {platform.machine()}, "
        f"{cores} cores, Python {platform.python_version()}"
    )
    print()
    print("| twin training job | nets | PyTorch eager | ratio |")
    print("|---|---|---|---|")
    for name, ours, theirs in twin_jobs.measure():
        label = twin_jobs.LABELS[name]
        torch_col = f"{theirs:.3f} s" if theirs else "not installed"
        ratio = f"{theirs / ours:.1f}x" if theirs else "-"
        print(f"| {label} | {ours:.3f} s | {torch_col} | {ratio} |")
    print()
    print("| page | rerun after | server median | p95 | largest chart |")
    print("|---|---|---|---|---|")
    for name, what, med, p95, sizes in reruns.measure():
        print(
            f"| {name} | {what} | {med:.0f} ms | {p95:.0f} ms | "
            f"{max(sizes, default=0) / 1024:.0f} KB |"
        )
    print()
    times = sorted(slider_latency.measure())
    p95 = times[round(0.95 * (len(times) - 1))]
    median = times[len(times) // 2]
    print(
        f"| browser: slider move to redrawn chart ({len(times)} moves) | "
        f"median {median:.0f} ms | p95 {p95:.0f} ms |"
    )


if __name__ == "__main__":
    main()
