; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include).
; Auto-start at logon, keep-alive task and optional nightly restart.
!include "autostart.nsh"
