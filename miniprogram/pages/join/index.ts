// Landing page of an invite QR (wxacode.getUnlimited, scene `i=CODE`): the code is prefilled, one tap joins.
import { inviteCodeFromScene } from '../../services/org/acceptInvite';
import { isLargeText } from '../../ui/largeText';

Component({
  data: {
    inviteCode: '',
    largeText: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ inviteCode: inviteCodeFromScene(query.scene) || query.code || '', largeText: isLargeText() });
    },

    onJoined() {
      wx.reLaunch({ url: '/pages/home/index' });
    },

    onGoHome() {
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
