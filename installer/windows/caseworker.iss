; Inno Setup script for the desk on Windows: installs the one-folder bundle that
; installer/caseworker.spec builds (dist\caseworker-desk), a Start-menu entry, and the
; `caseworker` command on the PATH. Build steps: installer\windows\README.md
; (installer\windows\build.ps1 runs them).
;
; Needs Inno Setup 6.3 or newer: this file is UTF-8 without a byte-order mark, which
; older compilers read as ANSI (the Chinese names would be garbled).
;
; The office's data is never in the program folder: it lives in the user's data folder
; (%LOCALAPPDATA%\caseworker-desk), and its key in the Windows Credential Locker. An
; upgrade replaces the program only; the desk backs the store up and migrates it at its
; next start, and puts the backup back if the migration fails. Uninstalling leaves the
; data folder and the keys in place.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (this script is UTF-8 without a BOM)
#endif

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
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\CaseworkerDesk
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=caseworker-desk-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\caseworker.ico
UninstallDisplayIcon={app}\caseworker-desk.exe
; the third-party notices the build wrote (build.ps1 copies them with a BOM for Inno)
LicenseFile=..\..\build\THIRD-PARTY-NOTICES-bom.txt
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; administrators install for all users (Program Files, the machine's PATH); anyone else
; for themselves (their programs folder, their own PATH)
PrivilegesRequired=admin
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
; `caseworker` in a command prompt: the machine's PATH for an administrator install, the
; user's otherwise; [Code] below takes the entry out again on uninstall
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
  ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
  Check: IsAdminInstallMode and NeedsAddPath(ExpandConstant('{app}'))
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; \
  ValueData: "{olddata};{app}"; \
  Check: (not IsAdminInstallMode) and NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\caseworker-desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  MachineEnvironment = 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment';

function PathRoot(): Integer;
begin
  if IsAdminInstallMode then Result := HKLM else Result := HKCU;
end;

function PathKey(): string;
begin
  if IsAdminInstallMode then Result := MachineEnvironment else Result := 'Environment';
end;

function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(PathRoot(), PathKey(), 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

{ Remove every occurrence of Dir from the PATH this install wrote to, leaving the rest. }
procedure RemovePath(Dir: string);
var
  Path, Rest, Entry, Kept: string;
  Split: Integer;
begin
  if not RegQueryStringValue(PathRoot(), PathKey(), 'Path', Path) then
    exit;
  Rest := Path;
  Kept := '';
  while Rest <> '' do
  begin
    Split := Pos(';', Rest);
    if Split = 0 then
    begin
      Entry := Rest;
      Rest := '';
    end
    else
    begin
      Entry := Copy(Rest, 1, Split - 1);
      Rest := Copy(Rest, Split + 1, Length(Rest));
    end;
    if (Entry <> '') and (CompareText(RemoveBackslashUnlessRoot(Entry), RemoveBackslashUnlessRoot(Dir)) <> 0) then
    begin
      if Kept <> '' then Kept := Kept + ';';
      Kept := Kept + Entry;
    end;
  end;
  if Kept <> Path then
    RegWriteExpandStringValue(PathRoot(), PathKey(), 'Path', Kept);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    RemovePath(ExpandConstant('{app}'));
end;
