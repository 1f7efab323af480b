# credvault-server: stop and disable the servers when the package is erased (not on upgrade).
if [ "$1" -eq 0 ]; then
    systemctl --no-reload disable --now credvault-server.service credvault-keyserver.service >/dev/null 2>&1 || :
fi
exit 0
