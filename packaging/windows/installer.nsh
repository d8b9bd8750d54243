; Included by electron-builder's NSIS script. Further kiosk installer steps
; (auto-start entry) live in autostart.nsh when present.
!ifmacrondef customInstall
!macro customInstall
!macroend
!endif
