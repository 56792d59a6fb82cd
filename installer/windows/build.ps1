# Build the Windows installer on a Windows 10/11 x64 machine (installer\windows\README.md).
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs: Python 3.11 (py launcher), Inno Setup 6.3 or newer (iscc on the PATH or in its
# default folder). Signing is a separate step the vendor runs (README.md: Signing).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -e ".[installer]"
$version = (.venv\Scripts\python -c "import caseworker; print(caseworker.__version__)").Trim()

.venv\Scripts\pyside6-lrelease resources\translations\desk_en.ts -qm resources\translations\desk_en.qm
.venv\Scripts\python -m PyInstaller --noconfirm --clean --log-level WARN `
  --distpath dist --workpath build\pyinstaller installer\caseworker.spec

# the self-test, through the console executable (caseworker-desk.exe has no console)
$env:QT_QPA_PLATFORM = "offscreen"
dist\caseworker-desk\caseworker.exe --version
dist\caseworker-desk\caseworker.exe desk --self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
Remove-Item Env:QT_QPA_PLATFORM

# Inno Setup reads a licence .txt as Unicode only with a byte-order mark
$notices = "dist\caseworker-desk\_internal\resources\THIRD-PARTY-NOTICES.txt"
$text = [System.IO.File]::ReadAllText($notices, [System.Text.Encoding]::UTF8)
[System.IO.File]::WriteAllText("build\THIRD-PARTY-NOTICES-bom.txt", $text, (New-Object System.Text.UTF8Encoding $true))

$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\windows\caseworker.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Write-Host "built dist\caseworker-desk-$version-windows-setup.exe (sign it: README.md, Signing)"
