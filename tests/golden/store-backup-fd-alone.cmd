db backup -o "$GOLDEN_TMP/x.tkb" --passphrase-fd 0
