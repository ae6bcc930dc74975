; Inno Setup 6 script: a Windows installer (setup .exe) from the PyInstaller one-folder bundle.
; On a Windows PC, after `pyinstaller --noconfirm build_installer.spec` (README, "Building the
; Windows installer"), from the repository root:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installer\elderdesk.iss
; The installer is written to dist\ElderDesk-<version>-setup.exe. Not built or tested in CI
; (Linux has no Inno Setup); the bundle it packs is (tests/test_installer.py).
; The database and logs live in the user's data folder, not under {app}: uninstalling or
; upgrading never touches them. Saved as UTF-8 with a BOM so ISCC reads the Chinese names.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "ElderDesk 老年证与高龄津贴办理系统"

[Setup]
AppId={{6C4E2B9A-3F1D-4E57-9B0C-ED5E1A7C2026}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ElderDesk
DefaultDirName={autopf}\ElderDesk
DefaultGroupName=ElderDesk
DisableProgramGroupPage=yes
; Per-machine by default; a clerk without administrator rights may install for herself only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..
OutputDir=dist
OutputBaseFilename=ElderDesk-{#AppVersion}-setup
SetupIconFile=resources\icons\elderdesk.ico
UninstallDisplayIcon={app}\elderdesk-gui.exe
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese wizard text: put ChineseSimplified.isl (Inno Setup's translations page) into the
; compiler's Languages folder, then uncomment the next line.
; Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "dist\elderdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\ElderDesk 老年证与高龄津贴"; Filename: "{app}\elderdesk-gui.exe"
Name: "{autodesktop}\ElderDesk 老年证与高龄津贴"; Filename: "{app}\elderdesk-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\elderdesk-gui.exe"; Description: "{cm:LaunchProgram,ElderDesk}"; Flags: nowait postinstall skipifsilent
