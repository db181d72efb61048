"""Build the one-folder application from build.spec and smoke-test it here.

The smoke test runs the frozen programs, not the sources: the app starts offscreen on a fresh
database (which creates the demo) and quits, then the command-line program exports a verslag and an
actielijst from that database. It prints the build time and the folder's size and exits non-zero on
any failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "build" / "dist"
WORK = ROOT / "build" / "work"
NAME = "ghnt-desktop"


def folder_size(path: Path) -> int:
    # Symbolic links (PyInstaller links libraries into _internal/) are not counted twice.
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def run(args: list[str], env: dict[str, str], timeout: int = 180) -> subprocess.CompletedProcess:
    print("$", " ".join(args), flush=True)
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
        raise SystemExit(f"failed with exit code {result.returncode}: {' '.join(args)}")
    return result


def main() -> int:
    started = time.perf_counter()
    subprocess.check_call(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "build.spec")],
        cwd=ROOT,
    )
    build_seconds = time.perf_counter() - started
    folder = DIST / NAME
    exe_suffix = ".exe" if os.name == "nt" else ""
    app = folder / f"{NAME}{exe_suffix}"
    cli = folder / f"{NAME}-cli{exe_suffix}"

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        # A fresh HOME keeps the user's real data folder and settings out of the smoke test.
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
                   XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"),
                   APPDATA=str(tmp_path / "appdata"), LOCALAPPDATA=str(tmp_path / "localappdata"))
        database = tmp_path / "smoke.db"
        run([str(app), "--db", str(database), "--smoke-test"], env)
        if not database.exists():
            raise SystemExit("the frozen app did not create the demo database")
        run([str(cli), "check", "--db", str(database)], env)
        meetings = json.loads(run([str(cli), "list", "meetings", "--db", str(database), "--json"], env).stdout)
        held = [m for m in meetings if m["state"] in ("held", "minutes_approved")]
        if not held:
            raise SystemExit("the demo database has no held meeting to export")
        run([str(cli), "export", "verslag", "--db", str(database), "--meeting", held[-1]["id"],
             "--out", str(tmp_path / "verslag.docx")], env)
        run([str(cli), "export", "actielijst", "--db", str(database), "--out", str(tmp_path / "actielijst.xlsx")], env)
        for name in ("verslag.docx", "actielijst.xlsx"):
            if (tmp_path / name).stat().st_size == 0:
                raise SystemExit(f"{name} is empty")
        # A hand-kept list with a misspelt trekker: the import preview loads rapidfuzz by name in the frozen app.
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(["Nr", "Actie", "Trekker", "Deadline", "Status"])
        sheet.append(["1", "Werkgroep formeren", "Veilg Thuis", "maart 2027", "Loopt"])
        workbook.save(tmp_path / "lijst.xlsx")
        preview = run([str(cli), "import", "actielijst", str(tmp_path / "lijst.xlsx"), "--db", str(database),
                       "--dry-run"], env)
        if "Veilig Thuis" not in preview.stdout:
            raise SystemExit(f"the import preview did not match the trekker:\n{preview.stdout}")

    size_mb = folder_size(folder) / 1_000_000
    print(f"build: {build_seconds:.0f} s; folder {folder}: {size_mb:.0f} MB; smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
