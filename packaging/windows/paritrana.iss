; Paritrana Desktop: the Windows installer (Inno Setup 6.3 or newer).
;
; Installs for the current user only, without administrator rights, into
; %LOCALAPPDATA%\Programs\Paritrana Desktop, with a Start-menu entry and the two file types.
; Build the bundle first (python packaging\build_bundle.py), then compile this script:
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\windows\paritrana.iss
; The installer is written to dist\ParitranaDesktop-<version>-Setup.exe.
; Step by step, for someone who has never done it: docs\readme\packaging.md.
;
; The judge's own files (panel files, log, settings) live in the user's data folder,
; %APPDATA%\Paritrana\Paritrana Desktop, which the program creates at run time. The installer
; never writes there and the uninstaller never deletes it: there is deliberately no
; [UninstallDelete] section. The uninstaller removes only the files this installer copied (the
; program never writes into its own folder) and the registry keys below.

#define AppName "Paritrana Desktop"
#define AppExe "ParitranaDesktop.exe"
#define CliExe "paritrana.exe"
#define BundleDir "..\..\dist\ParitranaDesktop"
#ifndef AppVersion
  ; The version is read from the built program, which PyInstaller stamped with
  ; paritrana_desktop.__version__; override with ISCC /DAppVersion=x.y.z if needed.
  #define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error The bundle is missing or has no version: run python packaging\build_bundle.py first
#endif

[Setup]
; AppId identifies this program to Windows for updates and uninstalling: never change it.
AppId={{17ABFD39-1489-4C8A-8018-2D9E42FF90DF}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per user, no administrator rights, no elevation prompt.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=ParitranaDesktop-{#AppVersion}-Setup
SetupIconFile=..\..\resources\icons\paritrana.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.CommandLine=Paritrana command line (merge)
en.DataKept=Your panel files, log and settings have NOT been removed. They are still in:%n%n%1%n%n(File panel, log dan pengaturan Anda TIDAK dihapus dan masih ada di folder di atas.)
en.EventFile=Paritrana event file (berkas kegiatan)
en.PanelFile=Paritrana panel file (berkas panel)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Penilaian wawancara Paritrana Award"
; For the chair: a command prompt already in the program folder, where "paritrana merge" works.
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; File types, for this user only (HKEY_CURRENT_USER\Software\Classes). Removed on uninstall.
Root: HKCU; Subkey: "Software\Classes\.paritrana-kegiatan"; ValueType: string; ValueName: ""; ValueData: "Paritrana.Kegiatan"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.paritrana-kegiatan\OpenWithProgids"; ValueType: string; ValueName: "Paritrana.Kegiatan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Paritrana.Kegiatan"; ValueType: string; ValueName: ""; ValueData: "{cm:EventFile}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Paritrana.Kegiatan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\Paritrana.Kegiatan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.paritrana-panel"; ValueType: string; ValueName: ""; ValueData: "Paritrana.Panel"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.paritrana-panel\OpenWithProgids"; ValueType: string; ValueName: "Paritrana.Panel"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Paritrana.Panel"; ValueType: string; ValueName: ""; ValueData: "{cm:PanelFile}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Paritrana.Panel\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\Paritrana.Panel\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" knows the program and which types it opens.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".paritrana-kegiatan"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".paritrana-panel"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// After uninstalling, say where the judge's files still are.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'),
      [ExpandConstant('{userappdata}\Paritrana\{#AppName}')]), mbInformation, MB_OK);
end;
