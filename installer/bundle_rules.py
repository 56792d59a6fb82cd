"""What the bundle leaves out of what PyInstaller's PySide6 hooks collect, on Linux and
on Windows. ``installer/caseworker.spec`` filters with :func:`wanted`;
``tests/installer/test_windows_wheel.py`` checks every rule tagged for Windows against
the files of the pinned win_amd64 PySide6-Essentials wheel (and the Linux ones against
the installed Linux wheel), so a rule written with one platform's file names cannot
silently miss on the other (``imageformats/libqgif`` never matched ``qgif.dll``).

Names are platform-neutral: a Qt library ``Qt6Quick`` is ``libQt6Quick.so.6`` on Linux
and ``Qt6Quick.dll`` on Windows; a plugin ``imageformats/qgif`` is
``imageformats/libqgif.so`` or ``imageformats/qgif.dll``."""

from __future__ import annotations

from pathlib import PurePosixPath

LINUX, WINDOWS = "linux", "windows"
BOTH = frozenset({LINUX, WINDOWS})

#: Qt libraries the desk never loads (QML and Quick, the designer, the network stack,
#: OpenGL, SVG; the Wayland compositor and EGL on Linux), by name prefix: "Quick" takes
#: QuickControls2… too. Each with the platforms whose wheel has it (the Essentials wheels
#: of 6.11 have no Qt6Pdf or Qt6VirtualKeyboard library: rules for them matched nothing).
UNWANTED_QT: dict[str, frozenset[str]] = {
    "Qml": BOTH,
    "Quick": BOTH,
    "Designer": BOTH,
    "LabsStyleKit": BOTH,
    "Network": BOTH,
    "OpenGL": BOTH,
    "Svg": BOTH,
    "WaylandCompositor": frozenset({LINUX}),
    "EglFS": frozenset({LINUX}),
}
#: single files: Mesa's software OpenGL for Windows (20.6 MB; widgets draw without GL)
UNWANTED_FILES: dict[str, frozenset[str]] = {"opengl32sw.dll": frozenset({WINDOWS})}
#: whole plugin folders: embedded-device platforms, OpenGL integrations, raw input, SVG
#: icons; what only excluded modules use (network, SQL, QML tooling, the designer)
UNWANTED_PLUGIN_FOLDERS: dict[str, frozenset[str]] = {
    "egldeviceintegrations": frozenset({LINUX}),
    "xcbglintegrations": frozenset({LINUX}),
    "wayland-graphics-integration-client": frozenset({LINUX}),
    "generic": BOTH,
    "iconengines": BOTH,
    "designer": BOTH,
    "qmltooling": BOTH,
    "qmllint": BOTH,
    "sqldrivers": BOTH,
    "tls": BOTH,
    "networkinformation": BOTH,
    "vectorimageformats": BOTH,
}
#: single plugins: the GTK theme (needs GTK), the Adwaita decoration (needs QtSvg),
#: device platforms, Direct2D (the raster qwindows platform draws the desk), the virtual
#: keyboard (needs QML; Chinese input goes through the system's IME), image formats
#: nothing here opens
UNWANTED_PLUGINS: dict[str, frozenset[str]] = {
    "platformthemes/qgtk3": frozenset({LINUX}),
    "wayland-decoration-client/adwaita": frozenset({LINUX}),
    "platforms/qeglfs": frozenset({LINUX}),
    "platforms/qlinuxfb": frozenset({LINUX}),
    "platforms/qvnc": frozenset({LINUX}),
    "platforms/qvkkhrdisplay": frozenset({LINUX}),
    "platforms/qminimalegl": frozenset({LINUX}),
    "platforms/qdirect2d": frozenset({WINDOWS}),
    "platforminputcontexts/qtvirtualkeyboardplugin": BOTH,
    "imageformats/qgif": BOTH,
    "imageformats/qicns": BOTH,
    "imageformats/qsvg": BOTH,
    "imageformats/qtga": BOTH,
    "imageformats/qtiff": BOTH,
    "imageformats/qwbmp": BOTH,
    "imageformats/qwebp": BOTH,
    "imageformats/qpdf": BOTH,
}
#: python-stdnum's data files: only the one the resident ID check reads
STDNUM_DATA = "stdnum/cn/loc.dat"


def _plugin(destination: str) -> tuple[str, str] | None:
    """("imageformats", "qgif") for a plugin's destination, else None."""
    path = PurePosixPath(destination)
    parts = path.parts
    if "plugins" not in parts or parts.index("plugins") + 3 != len(parts):
        return None
    name = path.name
    for suffix in (".dll", ".so"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    name = name.removeprefix("lib")
    return parts[-2], name


def qt_module(file_name: str) -> str | None:
    """ "Quick" for libQt6Quick.so.6 or Qt6Quick.dll, else None."""
    for prefix in ("libQt6", "Qt6"):
        if file_name.startswith(prefix):
            return file_name[len(prefix) :].split(".", maxsplit=1)[0]
    return None


def unwanted_because(destination: str) -> str | None:
    """The rule that leaves ``destination`` (a path inside the bundle) out, or None."""
    destination = destination.replace("\\", "/")
    name = PurePosixPath(destination).name
    if name in UNWANTED_FILES:
        return name
    module = qt_module(name)
    if module is not None:
        for prefix in UNWANTED_QT:
            if module.startswith(prefix):
                return f"Qt {prefix}"
    plugin = _plugin(destination)
    if plugin is not None:
        folder, plugin_name = plugin
        if folder in UNWANTED_PLUGIN_FOLDERS:
            return f"plugins {folder}/"
        if f"{folder}/{plugin_name}" in UNWANTED_PLUGINS:
            return f"plugin {folder}/{plugin_name}"
    if destination.startswith("stdnum/") and name.endswith(".dat") and destination != STDNUM_DATA:
        return "stdnum data"
    # Qt's own translations: only Chinese (the desk's default) is loaded
    if (
        "translations" in destination
        and name.endswith(".qm")
        and "qtbase_zh_CN" not in name
        and "desk_" not in name
    ):
        return "Qt translation"
    return None


def wanted(destination: str) -> bool:
    return unwanted_because(destination) is None
