// Landing page of an invite QR (wxacode.getUnlimited, scene `i=CODE`): the code is prefilled, one tap joins.
import { inviteCodeFromScene } from '../../services/org/acceptInvite';
import { largeTextBehavior } from '../../behaviors/largeText';

Component({
  behaviors: [largeTextBehavior],
  data: {
    inviteCode: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ inviteCode: inviteCodeFromScene(query.scene) || query.code || '' });
    },

    onJoined() {
      wx.reLaunch({ url: '/pages/home/index' });
    },

    onGoHome() {
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
