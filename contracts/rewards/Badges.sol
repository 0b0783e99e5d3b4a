// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable, Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IBadges, IERC5192} from "./IBadges.sol";
import {IRewards} from "./IRewards.sol";

/// @title Badges
/// @notice Soulbound achievement badges claimed with a rewards leaf's proof. See {IBadges}.
contract Badges is IBadges, ERC1155, Ownable2Step {
    /// @inheritdoc IBadges
    address public immutable REWARDS;

    mapping(uint256 badge => string) internal _uris;

    /// @param rewards The Rewards contract whose roots prove claims.
    /// @param treasury The owner: sets the badges' metadata URIs.
    constructor(address rewards, address treasury) ERC1155("") Ownable(treasury) {
        if (rewards == address(0)) revert Badges_ZeroAddress();
        REWARDS = rewards;
    }

    /// @inheritdoc IBadges
    function claim(
        uint64 epoch,
        address account,
        bytes32 rewardId,
        uint256 badge,
        uint256 amount,
        bytes32[] calldata proof
    ) external {
        if (badge == 0) revert Badges_NoBadge();
        if (balanceOf(account, badge) != 0) revert Badges_AlreadyClaimed(account, badge);
        // Reverts unless the root is claimable: posted, past its delay, not revoked, not paused.
        bytes32 root = IRewards(REWARDS).claimableRoot(epoch);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(account, rewardId, badge, amount))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert Badges_InvalidProof();
        emit BadgeClaimed(epoch, account, badge, rewardId);
        emit Locked(badge);
        _mint(account, badge, 1, "");
    }

    /// @inheritdoc IBadges
    function hasBadge(address account, uint256 badge) external view returns (bool) {
        return balanceOf(account, badge) != 0;
    }

    /// @inheritdoc IERC5192
    function locked(uint256) external pure returns (bool) {
        return true;
    }

    /// @inheritdoc IBadges
    function setURI(uint256 badge, string calldata uri_) external onlyOwner {
        _uris[badge] = uri_;
        emit URI(uri_, badge);
    }

    /// @notice The metadata URI of badge `badge` (empty until the owner sets it).
    function uri(uint256 badge) public view override returns (string memory) {
        return _uris[badge];
    }

    /// @notice ERC-1155, ERC-1155 metadata URI, ERC-165 and ERC-5192 (0xb45a3c0e).
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == type(IERC5192).interfaceId || super.supportsInterface(interfaceId);
    }

    /// @notice Badges are soulbound: no operator can ever move them.
    function setApprovalForAll(address, bool) public pure override {
        revert Badges_Soulbound();
    }

    /// @dev Only mints: every transfer (and burn) reverts.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        if (from != address(0)) revert Badges_Soulbound();
        super._update(from, to, ids, values);
    }
}
