// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";

/// @title EditionBalances
/// @notice OpenZeppelin's ERC-1155 with each (id, wallet) balance packed in one storage word together with
///         how many tokens of the id the wallet has minted, in the public sale and in the presale.
/// @dev Why: a per-wallet cap needs a per-(id, wallet) counter, and a fresh storage word costs 22,100 gas.
///      Sharing the balance's word makes the cap free on a mint (the `drops.mint.*` gas goals). Layout:
///      bits 0-127 balance, 128-191 public mints, 192-255 presale mints. Transfers move only the balance.
abstract contract EditionBalances is ERC1155 {
    uint256 internal constant BALANCE_MASK = type(uint128).max;
    uint256 internal constant PUBLIC_SHIFT = 128;
    uint256 internal constant PRESALE_SHIFT = 192;

    mapping(uint256 id => mapping(address wallet => uint256 packed)) internal _packed;

    /// @inheritdoc ERC1155
    function balanceOf(address account, uint256 id) public view override returns (uint256) {
        return _packed[id][account] & BALANCE_MASK;
    }

    /// @dev OpenZeppelin's {ERC1155-_update} on the packed words: same checks, same events.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        if (ids.length != values.length) revert ERC1155InvalidArrayLength(ids.length, values.length);
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            uint256 value = values[i];
            if (from != address(0)) {
                uint256 word = _packed[id][from];
                uint256 balance = word & BALANCE_MASK;
                if (balance < value) revert ERC1155InsufficientBalance(from, balance, value, id);
                unchecked {
                    _packed[id][from] = word - value;
                }
            }
            if (to != address(0)) {
                uint256 word = _packed[id][to];
                // Overflow into the mint counters is impossible: supply is at most 2^32 per id.
                _packed[id][to] = word + value;
            }
        }
        if (ids.length == 1) {
            emit TransferSingle(_msgSender(), from, to, ids[0], values[0]);
        } else {
            emit TransferBatch(_msgSender(), from, to, ids, values);
        }
    }
}
