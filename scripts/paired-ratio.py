#!/usr/bin/env python3
"""How many times as long as `cat` of the same bytes `prepcheck sheet` takes: the two are
run in turn (cat then the sheet, then the sheet then cat, ...), each pair within a
millisecond or two of each other, so that a slower minute on a shared machine slows both.
Prints each command's median and the median of the pairs' ratios.

    scripts/paired-ratio.py PAIRS -- CAT_COMMAND... -- SHEET_COMMAND...
"""
import os
import statistics
import sys
import time


def run(argv, devnull):
    """Wall time of one run, from spawn to exit, in seconds; output to /dev/null."""
    start = time.perf_counter()
    pid = os.posix_spawnp(
        argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)]
    )
    _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed")
    return elapsed


def main():
    args = sys.argv[1:]
    pairs = int(args[0])
    first = args.index("--")
    second = args.index("--", first + 1)
    floor, command = args[first + 1 : second], args[second + 1 :]
    devnull = os.open(os.devnull, os.O_WRONLY)
    for _ in range(pairs // 10):  # warm-up: caches, page cache, CPU frequency
        run(floor, devnull)
        run(command, devnull)
    floors, commands, ratios = [], [], []
    for i in range(pairs):
        if i % 2 == 0:
            a, b = run(floor, devnull), run(command, devnull)
        else:
            b, a = run(command, devnull), run(floor, devnull)
        floors.append(a)
        commands.append(b)
        ratios.append(b / a)
    ms = lambda seconds: f"{seconds * 1000:.2f} ms"
    print(f"  {floor[0]}: {ms(statistics.median(floors))}")
    print(f"  prepcheck: {ms(statistics.median(commands))}")
    print(f"median of {pairs} paired ratios: {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
