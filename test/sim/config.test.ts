import { describe, expect, it } from 'vitest';
import { ALL_CHANNELS_MASK, Channel, CHANNEL_NAMES, channelBit, ChannelBit } from '../../src/sim/config.js';

describe('channel bits', () => {
  it('ChannelBit holds channelBit of each channel, and together they make ALL_CHANNELS_MASK', () => {
    const bits: Record<keyof typeof Channel, number> = { online: ChannelBit.online, phone: ChannelBit.phone, counter: ChannelBit.counter, assisted: ChannelBit.assisted };
    let all = 0;
    for (const name of CHANNEL_NAMES) {
      expect(bits[name], name).toBe(channelBit(Channel[name]));
      all |= bits[name];
    }
    expect(all).toBe(ALL_CHANNELS_MASK);
  });
});
