; Inno Setup script for the desk on Windows: installs the one-folder bundle that
; installer/caseworker.spec builds (dist\caseworker-desk), a Start-menu entry, and the
; `caseworker` command on the PATH of the user. Build steps: installer\windows\README.md.
;
; The office's data is never in the program folder: it lives in the user's data folder
; (%LOCALAPPDATA%\caseworker-desk), and its key in the Windows Credential Locker. An
; upgrade replaces the program only; the desk backs the store up and migrates it at its
; next start, and puts the backup back if the migration fails.

#define AppName "落户受理台 Caseworker desk"
; the one version is caseworker/__init__.py: build.ps1 passes it as /DAppVersion=...
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=VERSION (installer\windows\build.ps1 does)
#endif

[Setup]
AppId={{5C7E2A51-3F0B-4B36-9D5E-6E2F1C9A0B41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Caseworker desk project
DefaultDirName={autopf}\CaseworkerDesk
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=caseworker-desk-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\caseworker.ico
UninstallDisplayIcon={app}\caseworker-desk.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesEnvironment=yes
; the desk must not run while its files are replaced
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\caseworker-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\caseworker-desk.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\caseworker-desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
; `caseworker` in a command prompt (the user's PATH; removed again on uninstall)
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
  ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\caseworker-desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
