import type { Finding } from '../../../contract';

/**
 * What the dashboard (and doctor, and the fleet heartbeat) says about how the
 * keys are sealed. Plain key files are a fault in production — whoever copies
 * the data folder reads every record — and, in Electron, a `basic_text`
 * keystore is said even in demo rather than used silently. Pure.
 */
export function keySealingFindings(kind: string, mode: 'demo' | 'production', migrated: readonly string[] = []): Finding[] {
  const out: Finding[] = [];
  const basicText = kind.includes('basic_text');
  if (kind.startsWith('file-0600') && (mode === 'production' || basicText)) {
    out.push({
      level: mode === 'production' ? 'fault' : 'warn',
      area: 'keys',
      code: basicText ? 'KEYS-KEYSTORE-BASIC-TEXT' : 'KEYS-UNSEALED',
      problem: basicText
        ? {
            'zh-CN': '系统未提供密钥库（Electron safeStorage 为 basic_text），数据密钥和设备密钥仅以普通文件保存：拷走数据目录即可读出全部办事记录',
            en: 'The OS offers no keystore (Electron safeStorage is basic_text): the data and device keys are plain files, so a copy of the data folder reads every record',
          }
        : {
            'zh-CN': '数据密钥和设备密钥未加封，仅以普通文件（权限 600）保存：拷走数据目录即可读出全部办事记录',
            en: 'The data and device keys are not sealed, only plain 0600 files: a copy of the data folder reads every record',
          },
      fix: basicText
        ? {
            'zh-CN': '在终端的图形会话中启用 GNOME 密钥环或 KWallet 后重启终端程序；或改用网页外壳安装包（systemd-creds 加封）',
            en: 'Enable GNOME Keyring or KWallet in the kiosk session and restart the kiosk app, or use the web-shell package (sealed with systemd-creds)',
          }
        : {
            'zh-CN': '用安装包安装（安装时生成并用 systemd-creds 加封密钥加密密钥），或以 root 运行并安装 systemd 软件包；见 docs/provisioning.md“密钥加封”',
            en: 'Install from the .deb (it provisions a key-encryption key sealed with systemd-creds), or provide /etc/onething-kiosk/kek; see docs/provisioning.md, "Key sealing"',
          },
    });
  }
  if (migrated.length > 0) {
    out.push({
      level: 'ok',
      area: 'keys',
      code: 'KEYS-SEALED-IN-PLACE',
      problem: { 'zh-CN': `本次启动已将明文密钥 ${migrated.join('、')} 加封（${kind}），明文文件已覆写删除`, en: `This start sealed the plain key(s) ${migrated.join(', ')} (${kind}) and overwrote and removed the plain files` },
      fix: { 'zh-CN': '无需处理；旧的数据目录备份中仍有明文密钥，请销毁这些备份', en: 'Nothing to do; older backups of the data folder still hold the plain keys — destroy them' },
    });
  }
  return out;
}
