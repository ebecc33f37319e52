package org.yunxie.bot.h5;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.mp.api.WxMpService;
import org.springframework.stereotype.Component;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;

/**
 * Who is looking at a resident page: the openid the official account's OAuth2 ({@code snsapi_base}, silent)
 * gave this session. Until then the visitor is sent to WeChat to be identified and comes back to the page
 * they asked for; the state parameter ties the answer to this session.
 */
@Component
class WeChatVisitor {

    private static final String OPENID = "yunxie.h5.openid";
    private static final String STATE = "yunxie.h5.oauth-state";
    private static final String NEXT = "yunxie.h5.next";

    private final WxMpService officialAccount;
    private final PublicAddress address;
    private final SecureRandom random = new SecureRandom();

    WeChatVisitor(WxMpService officialAccount, PublicAddress address) {
        this.officialAccount = officialAccount;
        this.address = address;
    }

    Optional<ChatIdentity> identity(HttpSession session) {
        Object openid = session.getAttribute(OPENID);
        return openid == null ? Optional.empty() : Optional.of(new ChatIdentity(IdentityKind.MP_OPENID, (String) openid));
    }

    /** Where to send a visitor not identified yet, remembering the page they wanted. */
    String identifyThenReturnTo(HttpServletRequest request) {
        String state = HexFormat.of().formatHex(bytes());
        HttpSession session = request.getSession(true);
        session.setAttribute(STATE, state);
        String query = request.getQueryString();
        session.setAttribute(NEXT, request.getRequestURI() + (query == null ? "" : "?" + query));
        return officialAccount.getOAuth2Service().buildAuthorizationUrl(address.url() + "/h5/oauth",
                WxConsts.OAuth2Scope.SNSAPI_BASE, state);
    }

    /**
     * The visitor's return from WeChat: the code is exchanged for the openid, the session id changes (no
     * fixation), and the page they wanted is where they go next. Empty when the state does not match.
     */
    Optional<String> identified(HttpServletRequest request, String code, String state) throws Exception {
        HttpSession session = request.getSession(false);
        if (session == null || state == null || !state.equals(session.getAttribute(STATE)) || code == null) {
            return Optional.empty();
        }
        String openid = officialAccount.getOAuth2Service().getAccessToken(code).getOpenId();
        request.changeSessionId();
        session.removeAttribute(STATE);
        session.setAttribute(OPENID, openid);
        Object next = session.getAttribute(NEXT);
        session.removeAttribute(NEXT);
        return Optional.of(next instanceof String path && path.startsWith("/h5/") ? path : "/h5/");
    }

    private byte[] bytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }
}
