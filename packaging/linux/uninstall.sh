#!/bin/sh
# Remove what install.sh put into ~/.local, and nothing else. The judge's panel files, log and
# settings (~/.local/share/Paritrana/Paritrana Desktop) stay where they are.
set -eu

ID=invalid.paritrana.Desktop
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=$HOME/.local
APP_DIR=$PREFIX/lib/paritrana-desktop
BIN_DIR=$PREFIX/bin

say() { printf 'uninstall: %s\n' "$*"; }

for link in "$BIN_DIR/paritrana-desktop" "$BIN_DIR/paritrana"; do
  # only our own links, never a file of the same name put there by something else
  if [ -L "$link" ]; then
    case "$(readlink "$link")" in "$APP_DIR"/*) rm -f "$link" ;; esac
  fi
done
rm -rf "$APP_DIR" "$APP_DIR.new"
rm -f "$DATA_HOME/applications/$ID.desktop" \
      "$DATA_HOME/mime/packages/$ID.xml" \
      "$DATA_HOME/metainfo/$ID.metainfo.xml" \
      "$DATA_HOME/icons/hicolor/scalable/apps/$ID.svg"
for size in 16 24 32 48 64 128 256 512; do
  rm -f "$DATA_HOME/icons/hicolor/${size}x${size}/apps/$ID.png"
done

if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA_HOME/mime/packages" ]; then
  update-mime-database "$DATA_HOME/mime" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$DATA_HOME/applications" ]; then
  update-desktop-database "$DATA_HOME/applications" >/dev/null 2>&1 || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$DATA_HOME/icons/hicolor" ]; then
  gtk-update-icon-cache -f -t "$DATA_HOME/icons/hicolor" >/dev/null 2>&1 || true
fi

say "Paritrana Desktop removed"
say "your panel files are still in $DATA_HOME/Paritrana/Paritrana Desktop"
