#!/bin/sh
# Install Paritrana Desktop for this user only (no root): the program into
# ~/.local/lib/paritrana-desktop, the commands paritrana-desktop and paritrana into ~/.local/bin,
# the menu entry, the icon, the two file types and the AppStream data into ~/.local/share.
#
#   ./linux/install.sh            (from the unpacked ParitranaDesktop folder)
#   linux/install.sh BUNDLE_DIR   (the folder that holds ParitranaDesktop and paritrana)
#
# The judge's own files (~/.local/share/Paritrana/Paritrana Desktop) are never touched, here or
# by uninstall.sh. Running it again replaces the installed program with this one.
set -eu

ID=invalid.paritrana.Desktop
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=$(cd "${1:-$HERE/..}" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$HOME/.local
APP_DIR=$PREFIX/lib/paritrana-desktop
BIN_DIR=$PREFIX/bin

say() { printf 'install: %s\n' "$*"; }

for exe in ParitranaDesktop paritrana; do
  if [ ! -x "$BUNDLE/$exe" ]; then
    say "$BUNDLE/$exe is missing: give the ParitranaDesktop folder as the argument" >&2
    exit 1
  fi
done
ICONS=$BUNDLE/_internal/resources/icons
[ -d "$ICONS" ] || { say "the icons are missing from $BUNDLE" >&2; exit 1; }

# 1. The program: copied whole, under a temporary name first, so a failed copy leaves the
#    previous installation in place.
mkdir -p "$PREFIX/lib" "$BIN_DIR"
if [ "$BUNDLE" != "$APP_DIR" ]; then
  rm -rf "$APP_DIR.new"
  cp -a "$BUNDLE" "$APP_DIR.new"
  rm -rf "$APP_DIR"
  mv "$APP_DIR.new" "$APP_DIR"
fi
ln -sfn "$APP_DIR/ParitranaDesktop" "$BIN_DIR/paritrana-desktop"
ln -sfn "$APP_DIR/paritrana" "$BIN_DIR/paritrana"
say "program in $APP_DIR, commands in $BIN_DIR"

# 2. The menu entry, pointing at the installed program (the desktop may not have ~/.local/bin
#    on its PATH).
mkdir -p "$DATA_HOME/applications"
sed -e "s|^Exec=paritrana-desktop|Exec=\"$APP_DIR/ParitranaDesktop\"|" \
    -e "s|^TryExec=paritrana-desktop|TryExec=$APP_DIR/ParitranaDesktop|" \
    "$HERE/$ID.desktop" > "$DATA_HOME/applications/$ID.desktop"

# 3. The icon in the sizes desktops look for.
for size in 16 24 32 48 64 128 256 512; do
  dir=$DATA_HOME/icons/hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  cp "$ICONS/paritrana-$size.png" "$dir/$ID.png"
done
mkdir -p "$DATA_HOME/icons/hicolor/scalable/apps"
cp "$ICONS/paritrana.svg" "$DATA_HOME/icons/hicolor/scalable/apps/$ID.svg"

# 4. The file types (.paritrana-kegiatan, .paritrana-panel) and the AppStream data.
mkdir -p "$DATA_HOME/mime/packages" "$DATA_HOME/metainfo"
cp "$HERE/$ID.xml" "$DATA_HOME/mime/packages/$ID.xml"
cp "$HERE/$ID.metainfo.xml" "$DATA_HOME/metainfo/$ID.metainfo.xml"

# 5. Tell the desktop, with whichever of its tools this system has.
if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || say "update-mime-database failed"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -f -t "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
fi

say "done: Paritrana Desktop is in the applications menu (Office)"
case ":$PATH:" in
  *":$BIN_DIR:"*) ;;
  *) say "to type 'paritrana' in a terminal, add $BIN_DIR to PATH (or log in again)" ;;
esac
