plan --profile social-infrastructure --name 配電制御 -o "$GOLDEN_TMP/plan.file"
