; onething-kiosk: start at logon and come back after any exit (Windows).
; Included from installer.nsh (`!include "autostart.nsh"`) before its
; fallback macro definitions. The kiosk account logs on automatically; the
; scheduled task starts the app at logon and restarts it every minute while
; it is not running (Windows has no Restart=always), and a second task
; restarts it nightly at 03:30 when that option is chosen.

!macro customInstall
  ; Per-machine Run key: starts the kiosk when the kiosk user logs on.
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "onething-kiosk" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}"'
  ; Watchdog task: every minute, start the kiosk if it is not running (the single-instance lock makes a second start exit at once).
  nsExec::ExecToLog 'schtasks /Create /F /TN "onething-kiosk\keepalive" /SC MINUTE /MO 1 /RL LIMITED /IT /TR "\"$INSTDIR\${APP_EXECUTABLE_FILENAME}\" --keepalive"'
  ; Optional nightly restart in the quiet hours.
  nsExec::ExecToLog 'schtasks /Create /F /TN "onething-kiosk\nightly-restart" /SC DAILY /ST 03:30 /RL LIMITED /IT /TR "\"$INSTDIR\${APP_EXECUTABLE_FILENAME}\" --restart"'
!macroend

!macro customUnInstall
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "onething-kiosk"
  nsExec::ExecToLog 'schtasks /Delete /F /TN "onething-kiosk\keepalive"'
  nsExec::ExecToLog 'schtasks /Delete /F /TN "onething-kiosk\nightly-restart"'
!macroend
