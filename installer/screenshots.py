"""Screenshots of the desk in a real window (X11 under Xvfb, not offscreen), for the
README: the login window, the queue, an intake with its decision (in Chinese, and once
more in English), the collective-hukou tab and the statistics tab.

    python installer/screenshots.py        # needs Debian's xvfb and xauth
    SCREENSHOTS_DISPLAY=:71 SCREENSHOTS_OUT=/tmp/at150 QT_SCALE_FACTOR=1.5 \
        python installer/screenshots.py    # another X display, folder, scaling

Written to installer/screenshots/. A throw-away store with sample applications is made
in a temporary folder; nothing touches the machine's own store or keyring.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: where to write (another folder for a trial run, e.g. at QT_SCALE_FACTOR=1.5)
OUT = Path(os.environ.get("SCREENSHOTS_OUT") or Path(__file__).resolve().parent / "screenshots")
sys.path.insert(0, str(ROOT))


def _start_xvfb() -> list[subprocess.Popen[bytes]]:
    """A 1366x768 screen (the counter PCs' common size) with a window manager, so the
    desk is placed, decorated and maximised as on a real desktop."""
    if shutil.which("Xvfb") is None:
        sys.exit("Xvfb is missing: apt-get install xvfb xauth openbox")
    display = os.environ.get("SCREENSHOTS_DISPLAY", ":97")  # another when :97 is in use
    started = [
        subprocess.Popen(["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
    ]
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    if shutil.which("openbox"):
        started.append(subprocess.Popen(["openbox"], stderr=subprocess.DEVNULL))
        time.sleep(1.0)
    return started


def main() -> None:
    servers = _start_xvfb()
    try:
        _shoot()
    finally:
        for server in reversed(servers):
            server.terminate()


def _shoot() -> None:
    import keyring  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from tests.conftest import MemoryKeyring  # noqa: PLC0415

    keyring.set_keyring(MemoryKeyring())  # a throw-away store: not the machine's keyring
    app = QApplication(["caseworker-desk"])
    from ui.fonts import install_font_stack  # noqa: PLC0415

    install_font_stack(app)  # the fonts the desk starts with
    from caseworker.services.applications import Actor, ApplicationService  # noqa: PLC0415
    from caseworker.services.context import ServiceContext  # noqa: PLC0415
    from caseworker.services.evaluation import EvaluationService  # noqa: PLC0415
    from caseworker.services.store import Store  # noqa: PLC0415
    from caseworker.services.users import UserService  # noqa: PLC0415
    from tests.stores import application  # noqa: PLC0415
    from ui import i18n  # noqa: PLC0415
    from ui.app import compose_desk  # noqa: PLC0415
    from ui.login import LoginDialog  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415
    from ui.tasks import TaskRunner  # noqa: PLC0415

    OUT.mkdir(exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="caseworker-shots-"))
    # the English catalogue compiled from this checkout's .ts, not one left in the user's
    # cache by another checkout (its strings may be older)
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
    i18n.install(app, i18n.CHINESE)
    folder = scratch / "data"
    store = Store.init(
        folder,
        office_code="370102001",
        police_station_name="泉城路派出所",
        admin_password="shots-pass-1",
    )
    evaluation = EvaluationService.from_resources()
    context = ServiceContext(store, evaluation=evaluation)
    users = UserService(context)
    admin = Actor("admin", "admin")
    users.add(admin, username="li", role="clerk", password="shots-pass-1", display_name="李娜")
    apps = ApplicationService(context)
    clerk = Actor("li", "clerk")
    for n in range(14):
        view = apps.create_draft(clerk, application())
        if n % 3:
            apps.accept(clerk, view.number)
        if n % 3 == 2:
            apps.decide(clerk, view.number)
    runner = TaskRunner()

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or runner.busy:
            app.processEvents()
            time.sleep(0.02)

    def shown(username: str) -> MainWindow:
        """The main window of ``username``, maximised on the 1366x768 screen."""
        window = MainWindow(
            compose_desk(
                store=store,
                evaluation=evaluation,
                users=users,
                login=users.login(username, "shots-pass-1"),
                runner=runner,
            )
        )
        window.showMaximized()
        return window

    login = LoginDialog(runner, users, "泉城路派出所")
    login.username.setText("li")
    login.show()
    settle()
    login.grab().save(str(OUT / "login.png"))
    login.close()

    window = shown("li")
    settle(1.0)
    window.grab().save(str(OUT / "queue.png"))

    case = ROOT / "tests" / "shared_cases" / "01-jinan2017-master-degree-optimized.json"
    data = json.loads(case.read_text(encoding="utf-8"))
    data.pop("expect")
    data.pop("case")
    data["records"] = {
        "household": {
            "head_name": "张三丰",
            "household_number": "000123",
            "address": "聊城市东昌府区古楼街道1号",
        },
        "applicant": {"name": "张三丰", "ethnicity": "汉"},
        "family": [{"name": "李四"}, {"name": "张小"}, {"name": "张幺"}],
        "destination_address": "济南市历下区泉城路1号",
    }
    for language, name in ((i18n.CHINESE, "intake.png"), (i18n.ENGLISH, "intake-en.png")):
        i18n.install(app, language)
        if language != i18n.CHINESE:
            window = shown("li")
        window.intake.load_data(data, number=None, state="", version=0)
        window.application.show_state()  # its state line, as F2 shows it
        window.stack.setCurrentWidget(window.intake_page)
        settle(1.0)
        window.grab().save(str(OUT / name))
        window.dirty = False
        window.close()
    # the collective-hukou tab, with one collective and an admitted family
    from caseworker.services.collectives import CollectiveService  # noqa: PLC0415

    collectives = CollectiveService(context)
    supervisor = Actor("zhao", "supervisor")
    users.add(admin, username="zhao", role="supervisor", password="shots-pass-1")
    home = collectives.create(
        supervisor,
        kind="community",
        name="中心街社区集体户",
        address="中心街1号",
        division_code="370402001",
    )
    family = application(
        destination={
            "county": "370402",
            "street": "中心街街道",
            "household": "community_collective",
        },
        on="2022-03-15",
        family=[
            {"relation": "spouse", "born": "1986-01-01"},
            {"relation": "child", "born": "2012-05-06"},
        ],
    )
    number = apps.create_draft(clerk, family).number
    apps.accept(clerk, number)
    apps.decide(clerk, number)
    apps.approve(supervisor, number)
    collectives.admit(supervisor, home.code, number)
    i18n.install(app, i18n.CHINESE)
    window = shown("zhao")
    window.show_collectives()
    settle(1.2)
    window.grab().save(str(OUT / "collectives.png"))
    # the statistics tab over the applications made above, this year
    from datetime import date  # noqa: PLC0415

    from PySide6.QtCore import QDate  # noqa: PLC0415

    assert window.statistics is not None
    window.show_home(window.statistics)
    window.statistics.date_from.setDate(QDate(2019, 1, 1))
    window.statistics.date_to.setDate(QDate(date.today().year, 12, 31))
    window.statistics.by.setCurrentIndex(window.statistics.by.findData("route"))
    window.statistics.refresh()
    settle(1.2)
    window.grab().save(str(OUT / "statistics.png"))
    window.close()
    runner.wait()
    store.close()
    print(f"written: {', '.join(p.name for p in sorted(OUT.glob('*.png')))} in {OUT}")


if __name__ == "__main__":
    main()
